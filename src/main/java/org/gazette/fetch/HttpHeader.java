package org.gazette.fetch;

/** One HTTP header field as it appeared on the wire: name case kept, value trimmed. */
public record HttpHeader(String name, String value) {}
