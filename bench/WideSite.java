import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A news site with very wide listings, for the frontier benchmark (bench/frontier.sh): the front
 * page links LISTINGS listing pages, each listing links WIDTH articles of its own, so a crawl
 * that has read every listing holds LISTINGS x WIDTH article URLs in its frontier. Articles are
 * small pages with no links. Every second the server prints how many listings and articles it
 * has served, which tells the script how full the crawler's frontier is.
 *
 * <p>Usage: {@code java bench/WideSite.java PORT LISTINGS WIDTH} (Java 17 single-file launch).
 */
public final class WideSite {
  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    int listings = Integer.parseInt(args[1]);
    int width = Integer.parseInt(args[2]);
    AtomicLong listingsServed = new AtomicLong();
    AtomicLong articlesServed = new AtomicLong();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/robots.txt")) {
        send(exchange, "text/plain", "User-agent: *\nDisallow: /private/\n");
      } else if (path.equals("/")) {
        StringBuilder page = head("Wide news");
        for (int i = 0; i < listings; i++) {
          page.append("<li><a href=\"/list/").append(i).append(".html\">List ").append(i)
              .append("</a></li>\n");
        }
        send(exchange, "text/html; charset=utf-8", page.append("</ul></body></html>").toString());
      } else if (path.startsWith("/list/")) {
        int n = Integer.parseInt(path.substring(6, path.length() - 5));
        StringBuilder page = head("List " + n);
        for (int i = 0; i < width; i++) {
          page.append("<li><a href=\"/news/").append(n).append('/').append(i)
              .append(".html\">Story ").append(n).append('-').append(i).append("</a> ")
              .append("<span>2026-11-26 10:").append(String.format("%02d", i % 60))
              .append("</span></li>\n");
        }
        listingsServed.incrementAndGet();
        send(exchange, "text/html; charset=utf-8", page.append("</ul></body></html>").toString());
      } else if (path.startsWith("/news/")) {
        articlesServed.incrementAndGet();
        send(exchange, "text/html; charset=utf-8", "<!doctype html><html lang=en><head><title>"
            + path + "</title></head><body><article><h1>Story " + path + "</h1>"
            + "<p>A short story of a few words, written for a benchmark.</p></article>"
            + "</body></html>");
      } else {
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
      }
    });
    server.start();
    System.out.println("wide site at http://127.0.0.1:" + port + "/ (" + listings + " x "
        + width + ")");
    Thread ticker = new Thread(() -> {
      while (true) {
        try {
          Thread.sleep(1000);
        } catch (InterruptedException e) {
          return;
        }
        System.out.println("served listings=" + listingsServed.get() + " articles="
            + articlesServed.get());
      }
    });
    ticker.setDaemon(true);
    ticker.start();
  }

  private static StringBuilder head(String title) {
    return new StringBuilder("<!doctype html><html lang=en><head><meta charset=utf-8><title>")
        .append(title).append("</title></head><body><h1>").append(title).append("</h1><ul>\n");
  }

  private static void send(HttpExchange exchange, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
