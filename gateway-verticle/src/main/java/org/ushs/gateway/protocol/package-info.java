/**
 * The client protocol on the wire: parsing commands, the server's messages and the table of error
 * and close codes.
 */
package org.ushs.gateway.protocol;
