// State store commit cost (not a test; issue 9): N pages' worth of what a crawl asks of the
// embedded H2 store (a latest-capture query, a capture insert, and with "two" the kind update),
// on gazette's schema, in a new file database; prints wall, the thread's CPU and the file size.
// The JDBC URL options (third argument) default to ";WRITE_DELAY=0"; "" is H2's default.
//   java -cp target/gazette.jar bench/H2Bench.java two 5000 ";WRITE_DELAY=0"
//   java -cp target/gazette.jar bench/H2Bench.java two 5000 ";WRITE_DELAY=500"
// (from the project's top folder; /usr/bin/time -f "%U user" around it gives the process CPU)
import java.sql.*; import java.nio.file.*; import java.util.*;
public class H2Bench {
  public static void main(String[] a) throws Exception {
    String mode=a[0]; int n=Integer.parseInt(a[1]);
    Path dir=Files.createTempDirectory("h2b");
    String url="jdbc:h2:file:retry:"+dir.resolve("g")+";AUTO_SERVER=TRUE"+(a.length>2?a[2]:";WRITE_DELAY=0");
    String ddl=new String(Files.readAllBytes(Path.of("src/main/resources/org/gazette/store/migration/V1__captures_and_runs.sql"))).replaceAll("--[^\n]*","");
    try (Connection c=DriverManager.getConnection(url)) { for (String s: ddl.split(";")) if (!s.replaceAll("--.*","").isBlank()) c.createStatement().execute(s); }
    String ins="INSERT INTO captures (url_key, url, site, run_id, fetched_at, status, kind, etag, last_modified, payload_digest, record_type, warc_file, warc_offset, record_id, content_warc_file, content_offset, content_record_id, content_date, content_status, url_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    String wf=dir.resolve("warc/gazette-20261127012345678-00000-vm.warc.gz.open").toString();
    long t0=System.nanoTime(); long cpu0=java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    try (Connection c=DriverManager.getConnection(url)) {
      for (int i=0;i<n;i++) {
        String u="http://127.0.0.1:18480/articles/2026/11/story-"+i+".html"; String rid="<urn:uuid:"+UUID.randomUUID()+">";
        String key="(1,0,0,127,:18480)/articles/2026/11/story-"+i+".html";
        try (PreparedStatement q=c.prepareStatement("SELECT url, fetched_at FROM captures WHERE url_hash = ? AND url_key = ? ORDER BY fetched_at DESC, id DESC")) { q.setString(1,sha(key)); q.setString(2,key); q.executeQuery().close(); }
        try (PreparedStatement st=c.prepareStatement(ins)) {
          st.setString(1,key); st.setString(2,u); st.setString(3,"synthetic"); st.setString(4,"run-xyz"); st.setObject(5,java.time.OffsetDateTime.now()); st.setInt(6,200); st.setNull(7,Types.VARCHAR); st.setString(8,"\"abc-"+i+"\""); st.setString(9,"Thu, 26 Nov 2026 10:00:00 GMT"); st.setString(10,"sha1:ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"); st.setString(11,"response"); st.setString(12,wf); st.setLong(13,i*9000L); st.setString(14,rid); st.setString(15,wf); st.setLong(16,i*9000L); st.setString(17,rid); st.setObject(18,java.time.OffsetDateTime.now()); st.setInt(19,200); st.setString(20,sha(key)); st.executeUpdate(); }
        if (mode.equals("two")) try (PreparedStatement st=c.prepareStatement("UPDATE captures SET kind = ? WHERE record_id = ?")) { st.setString(1,"article"); st.setString(2,rid); st.executeUpdate(); }
      }
    }
    long cpu=java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()-cpu0;
    System.out.printf("%s n=%d wall %.2f s thread-cpu %.2f s file %d KB%n",mode,n,(System.nanoTime()-t0)/1e9,cpu/1e9,Files.size(dir.resolve("g.mv.db"))/1024);
  }
  static String sha(String s) throws Exception { var d=java.security.MessageDigest.getInstance("SHA-1").digest(s.getBytes()); return java.util.HexFormat.of().formatHex(d);} }
