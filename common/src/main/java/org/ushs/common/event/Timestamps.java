package org.ushs.common.event;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code time} attribute's form, checked on every publish. Pure and thread-safe. */
final class Timestamps {

  /**
   * RFC 3339 date-time: seconds required, at most nanoseconds, offset Z or +hh:mm; the ranges of
   * the fields are checked apart ({@link #parse}).
   */
  private static final Pattern RFC_3339 =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");

  private Timestamps() {}

  /**
   * What {@link OffsetDateTime#parse} accepts of RFC 3339's form, to the second (the fraction is
   * only checked for form): a real date, a time of day, an offset within +-18:00. Null when {@code
   * text} is not one. Field by field, which costs a fraction of {@code parse}.
   */
  static OffsetDateTime parse(String text) {
    Matcher form = RFC_3339.matcher(text);
    if (!form.matches()) {
      return null;
    }
    try {
      return OffsetDateTime.of(
          LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10)),
          LocalTime.of(digits(text, 11, 13), digits(text, 14, 16), digits(text, 17, 19)),
          offset(form.group(2)));
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static ZoneOffset offset(String text) {
    if (text.length() == 1) {
      return ZoneOffset.UTC;
    }
    int sign = text.charAt(0) == '-' ? -1 : 1;
    return ZoneOffset.ofHoursMinutes(sign * digits(text, 1, 3), sign * digits(text, 4, 6));
  }

  private static int digits(String text, int from, int to) {
    return Integer.parseInt(text, from, to, 10);
  }
}
