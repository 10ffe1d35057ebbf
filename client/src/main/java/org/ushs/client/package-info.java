/**
 * The Java client SDK: a WebSocket client that reconnects, backs off, resumes and restores its
 * subscriptions (resuming by log position, with epochs and announced gaps), and a publisher for the
 * publish API ({@link org.ushs.client.HttpPublisher}).
 */
package org.ushs.client;
