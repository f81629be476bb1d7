/**
 * One HTTP response and the rules of its site in, one JSON record out: the single code path that
 * the crawl takes for every page it fetches and {@code gazette extract} takes for every page it
 * reads back from a WARC file or an HTML file, so that re-extracting an archive gives what the
 * crawl gave, and a better extractor or profile gives it for the whole archive.
 *
 * <p>{@link org.gazette.records.PageRecords} decides which responses are pages, decodes and
 * parses them (charset, decided by {@link org.gazette.charset.PageCharset}; robots directives)
 * and makes their records; {@link org.gazette.records.SiteRules} is what a site's configuration
 * says about its pages (URL patterns, time zone, noindex); {@link org.gazette.records.Reextraction} reads WARC files
 * (revisits resolved) and HTML files for {@code gazette extract}; {@link
 * org.gazette.records.Sites} picks the site of a page found there.
 */
package org.gazette.records;
