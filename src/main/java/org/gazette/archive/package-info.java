/**
 * Writing archives: WARC/1.1 files (ISO 28500) and the JSON-lines file beside each of them.
 *
 * <p>This package owns the layout of {@code warc/<site>/}: file names, the {@code .open} suffix,
 * rotation, one gzip member per record, and the records themselves ({@link
 * org.gazette.archive.WarcinfoRecord}, {@link org.gazette.archive.RequestRecord}, {@link
 * org.gazette.archive.ResponseRecord}, {@link org.gazette.archive.MetadataRecord}). It is the only
 * package that sees Commons Compress streams; everything else hands it an {@link
 * org.gazette.fetch.HttpExchange} and gets back a {@link org.gazette.archive.WarcLocation}.
 *
 * <p>It also reads WARC files back, its own and others', with {@link
 * org.gazette.archive.WarcFileReader}: to check them ({@link org.gazette.archive.WarcVerifier}),
 * index them in pywb's CDXJ format ({@link org.gazette.archive.CdxjIndexer}) and repair a {@code
 * .open} file left by a crash ({@link org.gazette.archive.WarcRepair}). It does not fetch, parse or
 * decide what is archived.
 *
 * <p>Null: parameters are non-null unless their Javadoc says otherwise; absent values are returned
 * as {@link java.util.Optional}.
 */
package org.gazette.archive;
