package org.ushs.common.bus;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The version byte every USHS codec writes first. A message of another version is dropped (the
 * codec decodes it to null) and logged once per codec, so that nodes of a newer release in a
 * rolling upgrade are noticed rather than misread.
 */
final class WireVersion {

  static final byte CURRENT = 1;

  private static final Logger LOG = Logger.getLogger(WireVersion.class.getName());

  private final String codec;
  private final AtomicBoolean logged = new AtomicBoolean();

  WireVersion(String codec) {
    this.codec = codec;
  }

  /** Whether {@code version} can be read; logs the first one that cannot. */
  boolean readable(byte version) {
    if (version == CURRENT) {
      return true;
    }
    if (logged.compareAndSet(false, true)) {
      LOG.warning(
          () ->
              codec
                  + ": dropping messages of wire version "
                  + version
                  + " (this node reads "
                  + CURRENT
                  + ")");
    }
    return false;
  }
}
