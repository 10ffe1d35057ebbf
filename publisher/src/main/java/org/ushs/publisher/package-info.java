/**
 * For healing services inside the cluster: joining as a Hazelcast lite member and publishing on the
 * event bus with idempotent retries.
 */
package org.ushs.publisher;
