/**
 * The WebSocket transport, the one package that touches Netty and Vert.x internals: shared frames,
 * coalesced and delayed flushes, the inbound guard (RSV bits, UTF-8, pings over the rate), the
 * bounded decompressor, and the pipeline work the public API cannot do.
 */
package org.ushs.gateway.transport.ws;
