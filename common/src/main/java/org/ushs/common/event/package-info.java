/**
 * Events as the server handles them: validation of published CloudEvents, the keys filters read,
 * enrichment and sequenced events.
 */
package org.ushs.common.event;
