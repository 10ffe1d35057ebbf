/**
 * The typed configuration of a node, read from {@code USHS_*} variables and an optional file,
 * validated at start.
 */
package org.ushs.common.config;
