package org.gazette.sample;

/**
 * What the sample site sends for one request, its headers already set on the exchange.
 *
 * @param status the status code
 * @param body the body, or null for none (HEAD, 204, 304, 405)
 * @param chunked send with chunked transfer coding instead of Content-Length
 */
record Reply(int status, byte[] body, boolean chunked) {}
