package org.ushs.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The other nodes of a cluster under test ({@code --node-pids}, processes on this machine): their
 * CPU from the start of a round, as microseconds per published event, one column per node ({@code
 * node2 µs/event}, ... : the node under test is node 1), and the part of it their JIT compilers
 * took ({@code node2 JIT µs/event}).
 */
final class OtherNodes {

  private final List<Long> pids;
  private final List<Double> cpuAtStart = new ArrayList<>();
  private final List<Double> jitAtStart = new ArrayList<>();

  private OtherNodes(List<Long> pids) {
    this.pids = pids;
    pids.forEach(pid -> cpuAtStart.add(Proc.cpuSeconds(pid)));
    pids.forEach(pid -> jitAtStart.add(Proc.jitSeconds(pid)));
  }

  /** Starts counting now. */
  static OtherNodes of(Options options) {
    List<Long> pids = new ArrayList<>();
    for (String pid : options.list("node-pids", "")) {
      if (!pid.isBlank()) {
        pids.add(Long.parseLong(pid.trim()));
      }
    }
    return new OtherNodes(pids);
  }

  Map<String, Double> microsPerEvent(long events) {
    Map<String, Double> columns = new LinkedHashMap<>();
    for (int i = 0; i < pids.size(); i++) {
      double used = Proc.cpuSeconds(pids.get(i)) - cpuAtStart.get(i);
      double jit = Proc.jitSeconds(pids.get(i)) - jitAtStart.get(i);
      columns.put("node" + (i + 2) + " µs/event", Stats.micros(used, events));
      columns.put("node" + (i + 2) + " JIT µs/event", Stats.micros(jit, events));
    }
    return columns;
  }
}
