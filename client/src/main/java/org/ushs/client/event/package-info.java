/**
 * Events as the SDK delivers them: the CloudEvent envelope and typed data for each event family.
 */
package org.ushs.client.event;
