/**
 * Events as the server handles them: reading published CloudEvents from their bytes (kept as sent),
 * validation against the catalog of the protocol module, the keys filters read, enrichment and
 * sequenced events.
 */
package org.ushs.common.event;
