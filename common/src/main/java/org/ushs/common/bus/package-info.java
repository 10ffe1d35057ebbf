/**
 * What travels on the clustered event bus: addresses, event batches and their codec, log read
 * requests.
 */
package org.ushs.common.bus;
