package org.ushs.app;

import com.hazelcast.cluster.Member;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The members listed in {@code USHS_CLUSTER_MEMBERS}, and how many of them a member list holds. A
 * member counts when it is a full member (not a lite member such as a healing service) and its
 * advertised address is one listed entry: same port, and the same host, or a listed name that
 * resolves to the member's address. Each listed entry is counted once. Nodes not listed (added
 * later with the same seed list) never count. Thread-safe: Hazelcast calls it from its own threads.
 */
final class ListedMembers {

  private record Entry(String host, int port) {}

  private static final int DEFAULT_PORT = 5701;

  private final List<Entry> entries;

  private ListedMembers(List<Entry> entries) {
    this.entries = entries;
  }

  /**
   * The entries of {@code members} ({@code host:port} as configured; no port: Hazelcast's 5701).
   */
  static ListedMembers of(List<String> members) {
    List<Entry> entries = new ArrayList<>();
    for (String member : members) {
      int colon = member.lastIndexOf(':');
      String port = colon > 0 ? member.substring(colon + 1) : "";
      entries.add(
          port.matches("\\d{1,5}")
              ? new Entry(member.substring(0, colon), Integer.parseInt(port))
              : new Entry(member, DEFAULT_PORT));
    }
    return new ListedMembers(List.copyOf(entries));
  }

  int size() {
    return entries.size();
  }

  /** How many listed entries a full member of {@code members} stands for. */
  int present(Collection<Member> members) {
    List<Member> unmatched = new ArrayList<>();
    for (Member member : members) {
      if (!member.isLiteMember()) {
        unmatched.add(member);
      }
    }
    int present = 0;
    for (Entry entry : entries) {
      for (int i = 0; i < unmatched.size(); i++) {
        if (matches(entry, unmatched.get(i))) {
          unmatched.remove(i);
          present++;
          break;
        }
      }
    }
    return present;
  }

  private static boolean matches(Entry entry, Member member) {
    if (member.getAddress().getPort() != entry.port()) {
      return false;
    }
    String host = member.getAddress().getHost();
    return host.equals(entry.host()) || resolvesTo(entry.host(), host);
  }

  /** Names are looked up through the JVM's cache (a node's name resolves once it exists). */
  private static boolean resolvesTo(String name, String address) {
    try {
      for (InetAddress resolved : InetAddress.getAllByName(name)) {
        if (resolved.getHostAddress().equals(address)) {
          return true;
        }
      }
      return false;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
