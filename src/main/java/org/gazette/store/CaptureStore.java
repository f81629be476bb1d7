package org.gazette.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;
import org.gazette.archive.Surt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every capture of every URL (table {@code captures}): what the next run needs to send a
 * conditional GET, to write a revisit instead of a second copy, and to leave a recently
 * captured article alone. URLs are looked up by their SURT key, as CDXJ files sort them.
 */
public final class CaptureStore {
  private static final Logger log = LoggerFactory.getLogger(CaptureStore.class);

  private static final String LATEST = "SELECT url, fetched_at, etag, last_modified,"
      + " payload_digest, content_warc_file, content_offset, content_record_id, content_date,"
      + " kind, content_status FROM captures WHERE url_hash = ? AND url_key = ?"
      + " ORDER BY fetched_at DESC, id DESC";

  private final DataSource db;

  CaptureStore(DataSource db) {
    this.db = db;
  }

  /** The SURT key captures of {@code url} are filed under. */
  public static String key(String url) {
    try {
      return Surt.of(url);
    } catch (RuntimeException notAUrl) {
      return url; // still a stable key, just not a canonical one
    }
  }

  /** The latest capture of {@code url}, if it was ever captured. */
  public Optional<CaptureEntry> latest(String url) {
    try (Connection c = db.getConnection();
        PreparedStatement st = c.prepareStatement(LATEST)) {
      st.setMaxRows(1);
      String key = key(url);
      st.setString(1, hash(key));
      st.setString(2, key);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(entry(rs));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the captures of " + url + ": " + e.getMessage(), e);
    }
  }

  /**
   * The record ids of the captures recorded in {@code warcFile} (its final name): what a repair
   * compares with the records the file holds.
   */
  public java.util.Set<String> recordIdsIn(Path warcFile) {
    String file = warcFile.toAbsolutePath().normalize().toString();
    try (Connection c = db.getConnection();
        PreparedStatement st = c.prepareStatement(
            "SELECT record_id FROM captures WHERE warc_file = ?")) {
      st.setString(1, file);
      java.util.Set<String> ids = new java.util.HashSet<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw new StoreException("cannot read the captures of " + file + ": " + e.getMessage(), e);
    }
  }

  /** The capture written as {@code recordId}, with the response holding its content. */
  public Optional<CaptureEntry> byRecordId(String recordId) {
    try (Connection c = db.getConnection();
        PreparedStatement st = c.prepareStatement(LATEST.replace(
            "WHERE url_hash = ? AND url_key = ?", "WHERE record_id = ?"))) {
      st.setString(1, recordId);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read capture " + recordId + ": " + e.getMessage(), e);
    }
  }

  /** Records a capture; it is committed when this returns. */
  public void record(NewCapture n) {
    String sql = "INSERT INTO captures (url_key, url, site, run_id, fetched_at, status, kind,"
        + " etag, last_modified, payload_digest, record_type, warc_file, warc_offset, record_id,"
        + " content_warc_file, content_offset, content_record_id, content_date, content_status,"
        + " url_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    CaptureEntry content = n.content();
    try (Connection c = db.getConnection();
        PreparedStatement st = c.prepareStatement(sql)) {
      String key = key(n.url());
      st.setString(1, key);
      st.setString(2, n.url());
      st.setString(3, n.site());
      st.setString(4, n.runId());
      st.setObject(5, time(n.fetchedAt()));
      st.setInt(6, n.status());
      // a revisit keeps the kind its content was extracted as, until extraction says otherwise
      setNullable(st, 7, content.kind());
      // a validator longer than its column is not one a server would match anyway
      setNullable(st, 8, n.etag() != null && n.etag().length() > 1024 ? null : n.etag());
      setNullable(st, 9, n.lastModified() != null && n.lastModified().length() > 128 ? null
          : n.lastModified());
      st.setString(10, content.payloadDigest());
      st.setString(11, n.recordType());
      st.setString(12, n.warcFile());
      st.setLong(13, n.offset());
      st.setString(14, n.recordId());
      st.setString(15, content.warcFile());
      st.setLong(16, content.offset());
      st.setString(17, content.recordId());
      st.setObject(18, time(content.contentDate()));
      st.setInt(19, content.status());
      st.setString(20, hash(key));
      st.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot record the capture of " + n.url() + ": "
          + e.getMessage(), e);
    }
  }

  /** Notes what extraction made of the capture written as {@code recordId}. */
  public void classify(String recordId, String kind) {
    try (Connection c = db.getConnection();
        PreparedStatement st = c.prepareStatement(
            "UPDATE captures SET kind = ? WHERE record_id = ?")) {
      setNullable(st, 1, kind);
      st.setString(2, recordId);
      st.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot classify capture " + recordId + ": " + e.getMessage(), e);
    }
  }

  /**
   * Forgets the capture written as {@code recordId} (its record stays in its WARC file): the next
   * run asks for its URL as if this capture had not been made.
   *
   * @return whether there was one
   */
  public boolean forget(String recordId) {
    try (Connection c = db.getConnection();
        PreparedStatement st = c.prepareStatement("DELETE FROM captures WHERE record_id = ?")) {
      st.setString(1, recordId);
      return st.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new StoreException("cannot forget capture " + recordId + ": " + e.getMessage(), e);
    }
  }

  /**
   * Forgets the captures whose record, or whose content, lies in {@code warcFile} at or past
   * {@code offset}: what the repair of a crashed file cut away.
   *
   * @return how many captures were forgotten
   */
  public int forgetFrom(Path warcFile, long offset) {
    String file = warcFile.toAbsolutePath().normalize().toString();
    try (Connection c = db.getConnection();
        PreparedStatement st = c.prepareStatement("DELETE FROM captures WHERE"
            + " (warc_file = ? AND warc_offset >= ?) OR (content_warc_file = ? AND content_offset >= ?)")) {
      st.setString(1, file);
      st.setLong(2, offset);
      st.setString(3, file);
      st.setLong(4, offset);
      int n = st.executeUpdate();
      if (n > 0) {
        log.warn("forgot {} capture(s) cut from {} by its repair", n, file);
      }
      return n;
    } catch (SQLException e) {
      throw new StoreException("cannot forget the captures cut from " + file + ": "
          + e.getMessage(), e);
    }
  }

  /** How many captures are kept, of every URL. */
  public long count() {
    try (Connection c = db.getConnection();
        PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM captures");
        ResultSet rs = st.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new StoreException("cannot count captures: " + e.getMessage(), e);
    }
  }

  /** A row of {@link #LATEST}'s columns. */
  private static CaptureEntry entry(ResultSet rs) throws SQLException {
    return new CaptureEntry(rs.getString(1), instant(rs, 2), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8), instant(rs, 9),
        rs.getString(10), rs.getInt(11));
  }

  /** The indexed form of a URL key: SHA-1, hex. */
  static String hash(String key) {
    return org.apache.commons.codec.digest.DigestUtils.sha1Hex(key);
  }

  static OffsetDateTime time(Instant t) {
    return t == null ? null : t.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  static void setNullable(PreparedStatement st, int i, String value) throws SQLException {
    if (value == null) {
      st.setNull(i, Types.VARCHAR);
    } else {
      st.setString(i, value);
    }
  }
}
