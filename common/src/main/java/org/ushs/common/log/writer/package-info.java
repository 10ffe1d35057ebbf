/**
 * One writer per log partition on the member that owns it: exactly-once by publish key from an
 * index of the ring, group commit, byte bound; and the client that reaches it in one bus hop.
 */
package org.ushs.common.log.writer;
