package org.ushs.client.event;

/**
 * The typed {@code data} of an event, by family: {@link ErrorDetected}, {@link SessionEvent},
 * {@link PatchEvent}, {@link DeploymentEvent}; {@link OtherData} for health events and any data
 * that does not fit its family's record (the raw JSON is always on the event).
 */
public sealed interface EventData
    permits ErrorDetected, SessionEvent, PatchEvent, DeploymentEvent, OtherData {}
