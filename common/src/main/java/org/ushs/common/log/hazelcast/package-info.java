/** The replay log over Hazelcast: the ring per partition with its epoch, and partition owners. */
package org.ushs.common.log.hazelcast;
