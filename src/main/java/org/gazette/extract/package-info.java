/**
 * Turns a parsed page into the normalized JSON records of DESIGN.md: {@link
 * org.gazette.extract.ArticleRecord} and {@link org.gazette.extract.ListingRecord}, written as one
 * line each by {@link org.gazette.extract.RecordJson}.
 *
 * <p>Owns the generic extractor ({@link org.gazette.extract.PageExtractor}), text normalizing
 * ({@link org.gazette.extract.TextNormalizer}) and date reading ({@link
 * org.gazette.extract.DateParser}). It never fetches, never writes files and knows nothing of
 * crawler4j or WARC writing: it takes a jsoup {@code Document} and a {@link
 * org.gazette.extract.PageContext} and gives records. Package-private classes are internals of the
 * generic extractor.
 */
package org.gazette.extract;
