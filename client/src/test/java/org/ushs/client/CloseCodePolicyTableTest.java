package org.ushs.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ushs.protocol.CloseCode;

/** {@link CloseCodePolicy} does what the shared table {@link CloseCode} advises for each code. */
class CloseCodePolicyTableTest {

  @ParameterizedTest(name = "{0}")
  @EnumSource(CloseCode.class)
  void theClientFollowsTheTablesAdvice(CloseCode code) {
    CloseCodePolicy.Action expected =
        switch (code.advice) {
          case RECONNECT_NOW -> CloseCodePolicy.Action.RECONNECT_NOW;
          case RECONNECT_WITH_BACKOFF -> CloseCodePolicy.Action.RECONNECT_WITH_BACKOFF;
          case FIX_CREDENTIALS, FIX_CLIENT -> CloseCodePolicy.Action.STOP;
        };
    assertEquals(expected, CloseCodePolicy.forClose(code.code));
  }
}
