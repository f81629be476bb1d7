package org.gazette.sample;

import java.time.Instant;

/**
 * One request the sample site answered, as the server saw it: what tests use to check a
 * crawler's politeness from the other side of the wire.
 *
 * @param time when the request arrived (before the response was written)
 * @param host the Host header, e.g. {@code 127.0.0.1:8080}, or null if the request had none
 * @param method the request method, e.g. GET or HEAD
 * @param path the request target's path with its query, e.g. {@code /list/2.html?from=nav}
 * @param userAgent the User-Agent header, or null if the request had none
 * @param status the status code answered
 */
public record ServedRequest(
    Instant time, String host, String method, String path, String userAgent, int status) {}
