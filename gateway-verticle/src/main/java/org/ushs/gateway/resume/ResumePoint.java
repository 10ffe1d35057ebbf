package org.ushs.gateway.resume;

import java.util.regex.Pattern;
import org.ushs.gateway.protocol.ErrorCode;
import org.ushs.gateway.protocol.ProtocolError;

/**
 * Where a client asks to resume, in one of the forms of {@code
 * docs/decisions/positions-gaps-resume.md}, the first present winning: a position {@code
 * <epoch>:<sequence>}, an id with its source, a bare id, or {@code earliest} (everything retained).
 */
public sealed interface ResumePoint {

  /** The id that asks for everything retained. */
  String EARLIEST = "earliest";

  /** After {@code sequence} of the log with {@code epoch}. */
  record Position(String epoch, long sequence) implements ResumePoint {}

  /** After the event {@code id} from {@code source}. */
  record SourcedId(String source, String id) implements ResumePoint {}

  /** After the one retained event with {@code id}; ambiguous when several sources used it. */
  record BareId(String id) implements ResumePoint {}

  /** Everything retained. */
  record Earliest() implements ResumePoint {}

  /**
   * The point the given values name (each may be null), or null when none is present. A malformed
   * position is a 4000 error naming {@code positionField}.
   */
  static ResumePoint of(String position, String id, String source, String positionField) {
    if (position != null) {
      return position(position, positionField);
    }
    if (id == null || id.isEmpty()) {
      return null;
    }
    if (id.equals(EARLIEST)) {
      return new Earliest();
    }
    return source == null || source.isEmpty() ? new BareId(id) : new SourcedId(source, id);
  }

  private static Position position(String text, String field) {
    var matcher = Shape.POSITION.matcher(text);
    if (!matcher.matches()) {
      throw new ProtocolError(
          ErrorCode.INVALID_MESSAGE, field, "must be <epoch>:<sequence> (16 hex digits, a number)");
    }
    try {
      return new Position(matcher.group(1), Long.parseLong(matcher.group(2)));
    } catch (NumberFormatException e) {
      throw new ProtocolError(ErrorCode.INVALID_MESSAGE, field, "sequence out of range");
    }
  }

  /** The text shape of a position while there is one partition. */
  final class Shape {
    static final Pattern POSITION = Pattern.compile("([0-9a-f]{16}):([0-9]{1,19})");

    private Shape() {}
  }
}
