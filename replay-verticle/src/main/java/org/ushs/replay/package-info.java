/** Serves reads of the replay log to every node over the event bus. */
package org.ushs.replay;
