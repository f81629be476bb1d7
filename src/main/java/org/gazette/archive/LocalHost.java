package org.gazette.archive;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This machine's name, for the warcinfo {@code hostname} and the default node of file names. */
final class LocalHost {

  private LocalHost() {}

  /** The host name, or {@code localhost} when the machine cannot name itself. */
  static String name() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      // a misconfigured /etc/hosts must not stop a crawl; the name is informative only
      return "localhost";
    }
  }

  /** The host name made safe for a file name: anything but letters, digits, dot and dash is '_'. */
  static String nodeName() {
    return name().replaceAll("[^A-Za-z0-9.-]", "_");
  }
}
