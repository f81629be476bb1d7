/**
 * What gazette remembers between runs: the captures of every URL, so that an unchanged page
 * becomes a revisit record and a known page is fetched conditionally.
 *
 * <p>For now an append-only JSON-lines file under {@code state/}; the daemon moves it into the
 * JDBC state store. Knows nothing of crawler4j or of how WARC records are written.
 */
package org.gazette.store;
