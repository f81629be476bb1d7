/**
 * HTTP with raw capture, the per-host politeness gate, robots.txt and the address guard.
 *
 * <p>Owns every byte gazette sends or receives; knows nothing of crawler4j, WARC or
 * extraction. {@link org.gazette.fetch.PoliteFetcher} is the only road to the network.
 */
package org.gazette.fetch;
