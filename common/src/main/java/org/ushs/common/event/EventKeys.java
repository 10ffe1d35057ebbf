package org.ushs.common.event;

/**
 * The attributes of an event that routing and filtering need, kept beside its JSON so that no node
 * parses the JSON again. {@code service}, {@code severity} and {@code sessionId} are null when the
 * event does not carry them.
 */
public record EventKeys(
    String id,
    String source,
    String type,
    Category category,
    String service,
    String severity,
    String sessionId) {}
