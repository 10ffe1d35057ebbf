package org.ushs.client.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code org.ushs.error.detected}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ErrorDetected(String errorId, String severity, String service, String summary)
    implements EventData {}
