/**
 * The transport seam: {@link org.ushs.gateway.transport.ClientChannel} is all the session side
 * knows of a client's connection, whatever carries it.
 */
package org.ushs.gateway.transport;
