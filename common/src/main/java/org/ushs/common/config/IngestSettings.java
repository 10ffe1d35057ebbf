package org.ushs.common.config;

/** The publish API: where it listens and the largest body it takes. */
public record IngestSettings(String bindHost, int port, int maxBody) {}
