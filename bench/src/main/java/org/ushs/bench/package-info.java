/**
 * The load generator and benchmark scenarios (fan-out, ingest, resume, idle connections) run
 * against a server on loopback by {@code bench/run.sh}.
 */
package org.ushs.bench;
