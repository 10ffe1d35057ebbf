/**
 * Credentials and who they name: JWT, API key and client-certificate authentication, and the
 * permissions a principal holds.
 */
package org.ushs.common.auth;
