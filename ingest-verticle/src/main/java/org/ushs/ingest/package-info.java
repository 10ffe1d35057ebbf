/**
 * The publish API and the {@code ushs.ingest} bus address: decoding, validation, exactly-once
 * append to the log, and the bus publish.
 */
package org.ushs.ingest;
