package org.ushs.client.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * {@code org.ushs.deployment.*}: started, progress, completed, failed, rollback. Optional fields
 * are null when absent; {@code metrics} is free-form.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeploymentEvent(
    String deploymentId,
    String patchId,
    String strategy,
    Double progress,
    String currentPhase,
    Map<String, Object> metrics)
    implements EventData {

  public DeploymentEvent {
    metrics = metrics == null ? null : Map.copyOf(metrics);
  }
}
