/**
 * The replay log: the replicated Hazelcast ring buffer every event is appended to, and its readers.
 */
package org.ushs.common.log;
