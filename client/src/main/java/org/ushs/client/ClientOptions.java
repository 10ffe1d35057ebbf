package org.ushs.client;

import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.TrustOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Everything a {@link UshsClient} needs; built with {@link #builder()}. Immutable.
 *
 * @param endpoints gateway URLs ({@code ws://host:port/ushs/v1/ws} or {@code wss://...}; the path
 *     defaults to {@code /ushs/v1/ws}); reconnects rotate through them
 * @param credentials bearer token, API key, access token or none
 * @param subscription the first subscription, sent in the connect query; null for none
 * @param resumeFrom a CloudEvent id to resume after on the first connection ({@code earliest} for
 *     everything retained); null to start live, or to resume by {@code resumePosition} alone
 * @param resumePosition the position of that event ({@link UshsClient#lastPosition()}), which the
 *     server prefers to the id; null when unknown
 * @param backoff reconnect delays
 * @param random the jitter source, numbers in {@code [0, 1)}
 * @param maxAttempts consecutive failed connection attempts before the client stops; 0 for no limit
 * @param connectTimeout how long opening one connection may take
 * @param keyCert a TLS client certificate and key (mTLS), or null
 * @param trust the trusted server certificates for {@code wss}, or null for the JVM's
 */
public record ClientOptions(
    List<URI> endpoints,
    ClientCredentials credentials,
    Subscription subscription,
    String resumeFrom,
    EventPosition resumePosition,
    BackoffPolicy backoff,
    DoubleSupplier random,
    int maxAttempts,
    Duration connectTimeout,
    KeyCertOptions keyCert,
    TrustOptions trust) {

  public ClientOptions {
    if (endpoints == null || endpoints.isEmpty()) {
      throw new IllegalArgumentException("at least one endpoint");
    }
    endpoints = List.copyOf(endpoints);
    endpoints.forEach(ConnectRequest::check);
    credentials = credentials == null ? new ClientCredentials.None() : credentials;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder with the defaults: 1–60 s backoff, no attempt limit, 10 s connect timeout. */
  public static final class Builder {
    private final List<URI> endpoints = new ArrayList<>();
    private ClientCredentials credentials = new ClientCredentials.None();
    private Subscription subscription;
    private String resumeFrom;
    private EventPosition resumePosition;
    private BackoffPolicy backoff = BackoffPolicy.DEFAULT;
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private int maxAttempts;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private KeyCertOptions keyCert;
    private TrustOptions trust;

    /** Adds a gateway URL; several make a rotation for reconnects. */
    public Builder endpoint(String url) {
      endpoints.add(URI.create(url));
      return this;
    }

    public Builder credentials(ClientCredentials credentials) {
      this.credentials = credentials;
      return this;
    }

    public Builder bearer(String token) {
      return credentials(new ClientCredentials.Bearer(token));
    }

    public Builder apiKey(String key) {
      return credentials(new ClientCredentials.ApiKey(key));
    }

    public Builder accessToken(String token) {
      return credentials(new ClientCredentials.AccessToken(token));
    }

    public Builder subscription(Subscription subscription) {
      this.subscription = subscription;
      return this;
    }

    /** Resume after this event id ({@code earliest}: everything retained). */
    public Builder resumeFrom(String lastEventId) {
      this.resumeFrom = lastEventId;
      return this;
    }

    /**
     * Resume after this event, as {@link UshsClient#lastEventId()} and {@link
     * UshsClient#lastPosition()} gave it (either may be null).
     */
    public Builder resumeFrom(String lastEventId, EventPosition position) {
      this.resumeFrom = lastEventId;
      this.resumePosition = position;
      return this;
    }

    public Builder backoff(BackoffPolicy backoff) {
      this.backoff = backoff;
      return this;
    }

    public Builder random(DoubleSupplier random) {
      this.random = random;
      return this;
    }

    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    /** TLS: a client certificate (e.g. {@code PemKeyCertOptions}) and/or trusted server certs. */
    public Builder tls(KeyCertOptions keyCert, TrustOptions trust) {
      this.keyCert = keyCert;
      this.trust = trust;
      return this;
    }

    public ClientOptions build() {
      return new ClientOptions(
          endpoints,
          credentials,
          subscription,
          resumeFrom,
          resumePosition,
          backoff,
          random,
          maxAttempts,
          connectTimeout,
          keyCert,
          trust);
    }
  }
}
