package org.ushs.cli;

import org.ushs.client.ClientCredentials;
import picocli.CommandLine.Option;

/** {@code --token} / {@code --api-key} / {@code --access-token}, shared by the commands. */
final class CredentialOptions {

  @Option(
      names = "--token",
      defaultValue = "${env:USHS_TOKEN}",
      description = "Bearer JWT (default: $USHS_TOKEN).")
  String token;

  @Option(
      names = "--api-key",
      defaultValue = "${env:USHS_API_KEY}",
      description = "API key (default: $USHS_API_KEY).")
  String apiKey;

  @Option(names = "--access-token", description = "JWT sent as ?access_token= (WebSocket only).")
  String accessToken;

  /** The one credential given; a token wins over an API key. */
  ClientCredentials credentials() {
    if (token != null && !token.isBlank()) {
      return new ClientCredentials.Bearer(token.trim());
    }
    if (accessToken != null && !accessToken.isBlank()) {
      return new ClientCredentials.AccessToken(accessToken.trim());
    }
    if (apiKey != null && !apiKey.isBlank()) {
      return new ClientCredentials.ApiKey(apiKey.trim());
    }
    return new ClientCredentials.None();
  }
}
