/**
 * The WebSocket handshake's security: where credentials are found, origin checks, TLS, and redacted
 * handshake logs.
 */
package org.ushs.gateway.security;
