package org.ushs.common.auth;

import java.time.Instant;

/**
 * An authenticated identity: a name for logs (never a secret), its permissions, and when its
 * credential expires (null for credentials that do not).
 */
public record Principal(String id, Permissions permissions, Instant expiresAt) {}
