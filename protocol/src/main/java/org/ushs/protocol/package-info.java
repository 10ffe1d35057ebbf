/**
 * The wire vocabulary server, SDK, CLI and bench share, with the JDK only: the event catalog
 * (families, types, required data fields, severities, filter keys), the table of close and error
 * codes, and HS256 token minting.
 */
package org.ushs.protocol;
