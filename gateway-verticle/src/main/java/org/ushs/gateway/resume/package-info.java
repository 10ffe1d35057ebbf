/**
 * Resume on connect: resolving a client's resume point, replaying from memory or the log, and
 * joining the live stream without gap or duplicate.
 */
package org.ushs.gateway.resume;
