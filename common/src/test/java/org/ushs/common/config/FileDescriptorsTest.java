package org.ushs.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ports' shares of the descriptor limit: the publish port half, the gateway the rest less 256.
 */
class FileDescriptorsTest {

  @ParameterizedTest
  @CsvSource({"1048576, 524288, 524032", "4096, 2048, 1792", "1024, 512, 256", "300, 150, 64"})
  void sharesOfALimit(long limit, int publish, int gateway) {
    assertEquals(publish, FileDescriptors.shareOf(limit));
    assertEquals(gateway, FileDescriptors.gatewayShareOf(limit));
  }

  @ParameterizedTest
  @CsvSource({"20000, 100, 19644", "20000, 0, 19744", "4096, 4000, 64"})
  void theGatewayTakesWhatTheConfiguredPublishPortBoundLeaves(
      long limit, long publishPort, int gateway) {
    assertEquals(gateway, FileDescriptors.gatewayShareOf(limit, publishPort));
  }
}
