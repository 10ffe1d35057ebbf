/**
 * The Java client SDK: a WebSocket client that reconnects, backs off, resumes and restores its
 * subscriptions, and a publisher for the publish API.
 */
package org.ushs.client;
