/** Delivery in sequence order: the sequencer and the filling of bus gaps from the log. */
package org.ushs.gateway.order;
