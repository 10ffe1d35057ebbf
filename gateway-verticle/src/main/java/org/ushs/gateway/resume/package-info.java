/**
 * Resume: resolving a client's resume point (every form, with epochs), replaying from memory or the
 * log for every subscription added to a resumed connection, and joining the live stream without gap
 * or duplicate; what is lost is announced.
 */
package org.ushs.gateway.resume;
