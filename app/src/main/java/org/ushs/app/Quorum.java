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
 * Split-brain protection of the replay log: with three or more members listed in {@code
 * USHS_CLUSTER_MEMBERS}, the log and its epochs take writes only while this member sees a majority
 * of the <em>listed</em> members ({@link ListedMembers}: nodes not listed, such as one added by
 * {@code scripts/cluster.sh add}, and lite members such as healing services never count). So two
 * sides of a partition can never both have a majority, whatever joined meanwhile. On the minority
 * side appends are refused, so no event is acknowledged there that the merge would drop. With one
 * or two members listed there is no majority to lose that is not also the whole cluster, and no
 * protection.
 */
record Quorum(int minimumSize, ListedMembers listed) {

  static final String NAME = "ushs-majority";
  private static final Logger LOG = Logger.getLogger(Quorum.class.getName());

  /** The protection for {@code members}, if there are three or more. */
  static Optional<Quorum> of(List<String> members) {
    ListedMembers listed = ListedMembers.of(members);
    return listed.size() >= 3
        ? Optional.of(new Quorum(listed.size() / 2 + 1, listed))
        : Optional.empty();
  }

  int configured() {
    return listed.size();
  }

  void protect(Config config) {
    config.addSplitBrainProtectionConfig(
        new SplitBrainProtectionConfig(NAME, true, minimumSize)
            .setProtectOn(SplitBrainProtectionOn.WRITE)
            .setFunctionImplementation(members -> listed.present(members) >= minimumSize)
            .addListenerConfig(new SplitBrainProtectionListenerConfig(this::changed)));
    config.getRingbufferConfig(RingbufferEventLog.RING_CONFIG).setSplitBrainProtectionName(NAME);
    config.getMapConfig(RingbufferEventLog.EPOCHS).setSplitBrainProtectionName(NAME);
  }

  /** Whether {@code hazelcast} sees the minimum number of listed nodes. */
  boolean present(HazelcastInstance hazelcast) {
    SplitBrainProtection protection =
        hazelcast.getSplitBrainProtectionService().getSplitBrainProtection(NAME);
    return protection.hasMinimumSize();
  }

  /** How many listed nodes {@code hazelcast} sees. */
  int listedPresent(HazelcastInstance hazelcast) {
    return listed.present(hazelcast.getCluster().getMembers());
  }

  /** Why a node without quorum is not ready. */
  String missing(int present) {
    return "no quorum: "
        + present
        + " of "
        + configured()
        + " listed nodes present, "
        + minimumSize
        + " needed; the replay log refuses writes";
  }

  private void changed(SplitBrainProtectionEvent event) {
    int present = listed.present(event.getCurrentMembers());
    if (event.isPresent()) {
      LOG.info(() -> "quorum present: " + present + " of " + configured() + " listed nodes");
    } else {
      LOG.warning(() -> missing(present));
    }
  }
}
