package org.ushs.common.config;

import java.util.List;

/**
 * Where this node's Hazelcast member binds and whom it joins; no members means a one-node cluster.
 * Nodes with different names never join each other.
 */
public record ClusterSettings(String host, int port, List<String> members, String name) {}
