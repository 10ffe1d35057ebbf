package org.ushs.common.event;

/** One thing wrong with an input: the field (a JSON path such as {@code data.severity}) and why. */
public record Problem(String field, String error) {}
