/** The {@code /health/live} and {@code /health/ready} routes and what readiness is made of. */
package org.ushs.common.health;
