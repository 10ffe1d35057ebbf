/**
 * The WebSocket gateway: the verticle, client sessions, the hub that matches events to sessions,
 * fan-out and the writes to sockets.
 */
package org.ushs.gateway;
