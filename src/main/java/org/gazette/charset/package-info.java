/**
 * Which character encoding an HTML body is read in, decided in one place for the crawl and for
 * {@code gazette extract}: {@link org.gazette.charset.PageCharset#decide}.
 *
 * <p>The order is a browser's: byte order mark, then the HTTP header's charset, then the page's
 * own {@code <meta>} ({@link org.gazette.charset.MetaCharset}), then detection ({@link
 * org.gazette.charset.Detection}, Mozilla's universalchardet) when nothing is declared or the
 * bytes show the declaration is wrong ({@link org.gazette.charset.ByteStats}). Labels are read as
 * the WHATWG encoding spec reads them ({@link org.gazette.charset.Encoding#forLabel}): gb2312 and
 * gbk are GB18030, iso-8859-1 and us-ascii are windows-1252.
 */
package org.gazette.charset;
