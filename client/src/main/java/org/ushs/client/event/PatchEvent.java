package org.ushs.client.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code org.ushs.patch.*}: generated, validating, validated, approved, rejected. Optional fields
 * are null when absent.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PatchEvent(
    String patchId,
    String sessionId,
    Double confidence,
    Integer changeCount,
    String estimatedImpact)
    implements EventData {}
