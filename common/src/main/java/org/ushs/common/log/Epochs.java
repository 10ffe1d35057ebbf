package org.ushs.common.log;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Epochs of a partition's log: 16 lowercase hex characters, made when the log starts empty and kept
 * while any copy of it survives, so a reader can tell a restarted log from the one it read.
 */
public final class Epochs {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern FORM = Pattern.compile("[0-9a-f]{16}");

  private Epochs() {}

  /** A new random epoch. */
  public static String fresh() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Whether {@code text} has the form of an epoch. */
  public static boolean valid(String text) {
    return text != null && FORM.matcher(text).matches();
  }
}
