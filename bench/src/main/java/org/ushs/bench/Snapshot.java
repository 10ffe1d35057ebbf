package org.ushs.bench;

/**
 * The resources at one instant: the server's CPU seconds (of them its JIT compiler's, and the
 * kernel's on its behalf) and resident set, the generator's own CPU seconds, the machine's busy and
 * total ticks, the load average.
 */
record Snapshot(
    long nanos,
    double serverCpu,
    double serverJit,
    double serverSystem,
    long serverRss,
    double selfCpu,
    long machineBusy,
    long machineTotal,
    double load1) {

  /** Now; a server pid of 0 or less reads the server as zero. */
  static Snapshot take(long serverPid) {
    long[] machine = Proc.machineTicks(Proc.read("/proc/stat"));
    long self = ProcessHandle.current().pid();
    String serverStat = serverPid > 0 ? Proc.read("/proc/" + serverPid + "/stat") : null;
    return new Snapshot(
        System.nanoTime(),
        serverStat != null ? Proc.cpuSeconds(serverStat) : 0,
        serverPid > 0 ? Proc.jitSeconds(serverPid) : 0,
        serverStat != null ? Proc.systemSeconds(serverStat) : 0,
        serverPid > 0 ? Proc.rssBytes(serverPid) : 0,
        Proc.cpuSeconds(self),
        machine[0],
        machine[1],
        Proc.load1(Proc.read("/proc/loadavg")));
  }

  /** The CPU used between {@code this} and {@code later}, as a {@link CpuUse}. */
  CpuUse until(Snapshot later) {
    int cores = Runtime.getRuntime().availableProcessors();
    double seconds = (later.nanos - nanos) / 1e9;
    double machineSeconds =
        later.machineTotal == machineTotal
            ? 0
            : (double) (later.machineBusy - machineBusy)
                / (later.machineTotal - machineTotal)
                * cores
                * seconds;
    return new CpuUse(
        seconds,
        later.serverCpu - serverCpu,
        later.serverJit - serverJit,
        later.serverSystem - serverSystem,
        later.selfCpu - selfCpu,
        machineSeconds,
        later.serverRss,
        Math.max(load1, later.load1));
  }

  /**
   * CPU seconds used over {@code seconds} of wall time by the server, the generator and the whole
   * machine (so others = machine - server - generator).
   */
  record CpuUse(
      double seconds,
      double server,
      double serverJit,
      double serverSystem,
      double generator,
      double machine,
      long serverRss,
      double load1) {

    double others() {
      return Math.max(0, machine - server - generator);
    }
  }
}
