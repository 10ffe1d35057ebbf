package org.ushs.client.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code org.ushs.session.*}: started, phaseCompleted, failed, completed. Optional fields are null
 * when absent.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SessionEvent(
    String sessionId, String phase, String status, Long duration, String nextPhase)
    implements EventData {}
