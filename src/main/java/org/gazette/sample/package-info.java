/**
 * The bundled sample news site: a Chinese news portal (環球新聞網) served on loopback by the
 * JDK's HTTP server, for {@code gazette demo} and the integration tests.
 *
 * <p>{@link org.gazette.sample.SampleNewsSite} starts and stops it and keeps a log of every
 * request it answered ({@link org.gazette.sample.ServedRequest}); its constants name the pages
 * tests rely on. The content is the project's seed article plus generated articles, all read from
 * resources in this package and the same on every start; only the port in absolute links varies.
 * Tests can publish and edit articles while it runs ({@link org.gazette.sample.SampleEditor}
 * makes the changes, {@link org.gazette.sample.SampleWriter} their text).
 *
 * <p>It does not read anything outside the jar, never makes outbound connections, and serves
 * nothing but GET and HEAD, apart from two POST admin endpoints under {@code /_sample/}
 * ({@link org.gazette.sample.SampleAdmin}).
 */
package org.gazette.sample;
