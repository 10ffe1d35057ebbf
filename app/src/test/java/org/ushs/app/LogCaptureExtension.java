package org.ushs.app;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link LogCapture} for the tests of one class, from before the class's other extensions start
 * (register it on a static field declared before theirs) until after its last test.
 */
final class LogCaptureExtension implements BeforeAllCallback, AfterAllCallback {

  private LogCapture capture;

  @Override
  public void beforeAll(ExtensionContext context) {
    capture = new LogCapture();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    capture.close();
  }

  LogCapture capture() {
    return capture;
  }
}
