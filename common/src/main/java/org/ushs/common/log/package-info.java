/**
 * The replay log: positions ({@link org.ushs.common.log.PartitionId}, {@link
 * org.ushs.common.log.LogPosition}, epochs), the log and reader contracts with an in-memory log,
 * the per-partition writer ({@code writer}) and the Hazelcast adapter ({@code hazelcast}).
 */
package org.ushs.common.log;
