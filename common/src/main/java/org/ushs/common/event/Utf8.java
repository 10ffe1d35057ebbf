package org.ushs.common.event;

/** Well-formed UTF-8 (RFC 3629, Unicode table 3-7): no overlong forms, surrogates or > U+10FFFF. */
final class Utf8 {

  private Utf8() {}

  /** The offset of the first byte of {@code bytes} that does not start a well-formed sequence. */
  static int firstInvalid(byte[] bytes) {
    int i = 0;
    while (i < bytes.length) {
      int lead = bytes[i] & 0xFF;
      if (lead < 0x80) {
        i++;
      } else {
        int length = sequenceLength(bytes, i, lead);
        if (length == 0) {
          return i;
        }
        i += length;
      }
    }
    return -1;
  }

  /** The length of the well-formed multi-byte sequence at {@code at}, or 0. */
  private static int sequenceLength(byte[] bytes, int at, int lead) {
    int length;
    int low = 0x80;
    int high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      low = lead == 0xE0 ? 0xA0 : low;
      high = lead == 0xED ? 0x9F : high;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      low = lead == 0xF0 ? 0x90 : low;
      high = lead == 0xF4 ? 0x8F : high;
    } else {
      return 0;
    }
    if (at + length > bytes.length) {
      return 0;
    }
    int second = bytes[at + 1] & 0xFF;
    if (second < low || second > high) {
      return 0;
    }
    for (int k = 2; k < length; k++) {
      if ((bytes[at + k] & 0xC0) != 0x80) {
        return 0;
      }
    }
    return length;
  }
}
