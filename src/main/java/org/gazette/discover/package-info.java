/**
 * Discovery of article URLs beyond the links of pages: sitemaps ({@link
 * org.gazette.discover.SitemapReader}), RSS and Atom feeds ({@link
 * org.gazette.discover.FeedReader}) and the feeds a page announces ({@link
 * org.gazette.discover.FeedLinks}).
 *
 * <p>Everything here is a pure parser: it never fetches. The caller fetches a sitemap or feed
 * through the politeness gate like any other URL and hands over the bytes; what comes back is a
 * list of {@link org.gazette.discover.DiscoveredUrl}, which the caller still passes through its
 * scope rules. Bad input never throws: a reader returns what it could read plus a list of
 * problems. This is the only package that sees crawler-commons' sitemap types.
 *
 * <p>Null: parameters are non-null; {@link org.gazette.discover.DiscoveredUrl}'s time and title
 * components are null when the source does not give them.
 */
package org.gazette.discover;
