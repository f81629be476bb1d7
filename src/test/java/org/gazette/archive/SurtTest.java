package org.gazette.archive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Surt}: the keys the Python surt package (as pywb and cdxj-indexer call it) gives; most
 * rows are the examples of its own tests.
 */
class SurtTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "http://www.Example.com/a?b=2&a=1            | com,example)/a?a=1&b=2",
        "http://www.archive.org/                     | org,archive)/",
        "http://archive.org/                         | org,archive)/",
        "http://archive.org                          | org,archive)/",
        "http://archive.org/goo/                     | org,archive)/goo",
        "http://archive.org/goo/?                    | org,archive)/goo",
        "http://archive.org/goo/?b&a                 | org,archive)/goo?a&b",
        "http://archive.org/goo/?a=2&b&a=1           | org,archive)/goo?a=1&a=2&b",
        "http://archive.org/goo/?a=1&                | org,archive)/goo?&a=1",
        "http://ARCHIVE.ORG/Index.HTML?Q=X           | org,archive)/index.html?q=x",
        "http://www.archive.org:80/                  | org,archive)/",
        "https://www.archive.org:443/                | org,archive)/",
        "http://www.archive.org:443/                 | org,archive:443)/",
        "https://www.archive.org:80/                 | org,archive:80)/",
        "http://www34.archive.org/index.html?b=a&b=b&a=b | org,archive)/index.html?a=b&b=a&b=b",
        "http://www2foo.com/                         | com,www2foo)/",
        "http://www2.www2foo.com/                    | com,www2foo)/",
        "http://127.0.0.1:40123/news/1.html          | 1,0,0,127:40123)/news/1.html",
        "http://user:secret@example.com/a/#frag      | com,example)/a",
        "http://example.com./a/./b/../c//d/          | com,example)/a/c/d",
        "http://example.com/%7Euser/%e4%B8%ad?q=%41  | com,example)/~user/%e4%b8%ad?q=a",
        "http://example.com/a%2525b                  | com,example)/a%25b",
        "http://example.com/a b                      | http://example.com/a b",
        "http://my_host.example.com/                 | com,example,my_host)/",
        "http://archive.org/index.php?PHPSESSID=0123456789abcdefghijklemopqrstuv"
            + "&action=profile;u=4221 | org,archive)/index.php?action=profile;u=4221",
        "http://example.com/(S(4hqa0555fwsecu455xqckv45))/mileg.aspx | com,example)/mileg.aspx",
        "http://visit.webhosting.yahoo.com/visit.gif?&r=http%3A//web.archive.org/web/20090517140029"
            + "/http%3A//anthonystewarthead.electric-chi.com/"
            + "&b=Netscape%205.0%20%28Windows%3B%20en-US%29&s=1366x768&o=Win32&c=24&j=true&v=1.2 |"
            + " com,yahoo,webhosting,visit)/visit.gif?&b=netscape%205.0%20(windows;%20en-us)&c=24"
            + "&j=true&o=win32&r=http://web.archive.org/web/20090517140029"
            + "/http://anthonystewarthead.electric-chi.com/&s=1366x768&v=1.2",
        "mailto:foo@example.com                      | mailto:foo@example.com",
        "http://example.com:99999999999/a            | http://example.com:99999999999/a",
        "http://example.com:65536/a                  | http://example.com:65536/a",
        "http://example.com:65535/a                  | com,example:65535)/a",
        "dns:archive.org                             | dns:archive.org",
      })
  void keysAsPywbDoes(String url, String key) {
    assertThat(Surt.of(url)).isEqualTo(key);
  }
}
