package org.ushs.common.config;

/** An invalid setting; the message is one line that names the setting. */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConfigException(String setting, String problem) {
    super(setting + ": " + problem, null, false, false);
  }
}
