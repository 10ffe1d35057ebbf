package org.ushs.app;

import com.hazelcast.config.Config;
import com.hazelcast.config.SplitBrainProtectionConfig;
import com.hazelcast.config.SplitBrainProtectionListenerConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.splitbrainprotection.SplitBrainProtection;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionEvent;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionOn;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.ushs.common.log.hazelcast.RingbufferEventLog;

/**
 * Split-brain protection of the replay log: with three or more members configured, the log and its
 * epochs take writes only while this member sees a majority of them (USHS nodes only: lite members
 * such as healing services do not count). On the minority side of a partition appends are refused,
 * so no event is acknowledged there that the merge would drop. Reads go on: a survivor can still
 * replay what it holds. With one or two members configured there is no majority to lose that is not
 * also the whole cluster, and no protection.
 */
record Quorum(int minimumSize, int configured) {

  static final String NAME = "ushs-majority";
  private static final Logger LOG = Logger.getLogger(Quorum.class.getName());

  /** The protection for {@code members}, if there are three or more. */
  static Optional<Quorum> of(List<String> members) {
    int configured = members.size();
    return configured >= 3
        ? Optional.of(new Quorum(configured / 2 + 1, configured))
        : Optional.empty();
  }

  void protect(Config config) {
    config.addSplitBrainProtectionConfig(
        new SplitBrainProtectionConfig(NAME, true, minimumSize)
            .setProtectOn(SplitBrainProtectionOn.WRITE)
            .addListenerConfig(new SplitBrainProtectionListenerConfig(this::changed)));
    config.getRingbufferConfig(RingbufferEventLog.RING_CONFIG).setSplitBrainProtectionName(NAME);
    config.getMapConfig(RingbufferEventLog.EPOCHS).setSplitBrainProtectionName(NAME);
  }

  /** Whether {@code hazelcast} sees the minimum number of nodes. */
  boolean present(HazelcastInstance hazelcast) {
    SplitBrainProtection protection =
        hazelcast.getSplitBrainProtectionService().getSplitBrainProtection(NAME);
    return protection.hasMinimumSize();
  }

  /** Why a node without quorum is not ready. */
  String missing(int present) {
    return "no quorum: "
        + present
        + " of "
        + configured
        + " configured nodes present, "
        + minimumSize
        + " needed; the replay log refuses writes";
  }

  private void changed(SplitBrainProtectionEvent event) {
    int present = event.getCurrentMembers().size();
    if (event.isPresent()) {
      LOG.info(() -> "quorum present: " + present + " of " + configured + " nodes; log writable");
    } else {
      LOG.warning(() -> missing(present));
    }
  }
}
