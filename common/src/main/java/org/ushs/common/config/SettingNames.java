package org.ushs.common.config;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What to say about the other {@code USHS_*} names found: a Kubernetes service-link variable is
 * ignored silently, any other unknown name is reported with the known setting closest to it (edit
 * distance), so a misspelling is easy to see.
 */
final class SettingNames {

  // what Kubernetes injects for a Service named "ushs": USHS_SERVICE_HOST, USHS_SERVICE_PORT,
  // USHS_SERVICE_PORT_<PORTNAME>, USHS_PORT, USHS_PORT_<n>_<PROTO>[_PROTO|_PORT|_ADDR]
  private static final Pattern SERVICE_LINK =
      Pattern.compile(
          "USHS_SERVICE_HOST|USHS_SERVICE_PORT(_[A-Z0-9_]+)?|USHS_PORT"
              + "|USHS_PORT_[0-9]+_(TCP|UDP|SCTP)(_PROTO|_PORT|_ADDR)?");

  private final Set<String> known;

  /** Over the settings named {@code known}. */
  SettingNames(Set<String> known) {
    this.known = new TreeSet<>(known);
  }

  /** True for a variable Kubernetes injects for a Service named {@code ushs}. */
  static boolean isServiceLink(String name) {
    return SERVICE_LINK.matcher(name).matches();
  }

  /**
   * One line naming every unknown name among {@code names} (service-link variables aside), each
   * with its closest known setting; empty when there is none.
   */
  Optional<String> unknownWarning(Set<String> names) {
    List<String> unknown =
        new TreeSet<>(names).stream().filter(n -> !known.contains(n) && !isServiceLink(n)).toList();
    if (unknown.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "ignoring unknown settings: "
            + unknown.stream()
                .map(n -> n + " (closest known: " + closest(n) + ")")
                .collect(Collectors.joining(", ")));
  }

  /** The known setting with the fewest edits from {@code name} (the first in order on a tie). */
  String closest(String name) {
    return known.stream()
        .reduce((a, b) -> distance(name, b) < distance(name, a) ? b : a)
        .orElseThrow();
  }

  /** Levenshtein distance: insertions, deletions and substitutions of one character. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
