/** A connection's subscriptions and the filters that decide which events it receives. */
package org.ushs.gateway.subscription;
