package org.gazette.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;

/** A one-shot loopback server that answers the next request with fixed bytes, then closes. */
final class RawServer implements AutoCloseable {
  private final ServerSocket socket;
  private final Thread thread;

  RawServer(byte[] response) throws IOException {
    socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    thread = new Thread(() -> {
      try (Socket s = socket.accept()) {
        InputStream in = s.getInputStream();
        // read the request head: up to the blank line
        int a = 0;
        int b = 0;
        int c = 0;
        int d;
        while ((d = in.read()) >= 0 && !(a == '\r' && b == '\n' && c == '\r' && d == '\n')) {
          a = b;
          b = c;
          c = d;
        }
        OutputStream out = s.getOutputStream();
        out.write(response);
        out.flush();
      } catch (IOException ignored) {
        // the test sees what the client got
      }
    }, "raw-server");
    thread.start();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
