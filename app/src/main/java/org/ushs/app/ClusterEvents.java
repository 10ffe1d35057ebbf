package org.ushs.app;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import java.util.logging.Logger;

/**
 * Logs, one line each, the cluster events an operator wants to see: a member joined or left (with
 * the count of nodes after), and a partition lost with all its replicas (events lost: it takes more
 * simultaneous node losses than backups to get there).
 */
final class ClusterEvents implements MembershipListener {

  private static final Logger LOG = Logger.getLogger(ClusterEvents.class.getName());

  private ClusterEvents() {}

  static void watch(HazelcastInstance hazelcast) {
    hazelcast.getCluster().addMembershipListener(new ClusterEvents());
    hazelcast
        .getPartitionService()
        .addPartitionLostListener(
            event -> {
              if (event.allReplicasInPartitionLost()) {
                LOG.severe(
                    () ->
                        "partition "
                            + event.getPartitionId()
                            + " lost with all its replicas: the data it held is gone");
              }
            });
  }

  @Override
  public void memberAdded(MembershipEvent event) {
    LOG.info(() -> "member joined: " + describe(event.getMember()) + "; " + nodes(event));
  }

  @Override
  public void memberRemoved(MembershipEvent event) {
    LOG.warning(() -> "member left: " + describe(event.getMember()) + "; " + nodes(event));
  }

  private static String describe(Member member) {
    return member.getAddress() + (member.isLiteMember() ? " (lite member)" : " (node)");
  }

  private static String nodes(MembershipEvent event) {
    long nodes = event.getMembers().stream().filter(m -> !m.isLiteMember()).count();
    return nodes + " node(s) in the cluster";
  }
}
