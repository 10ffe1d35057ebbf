package org.ushs.common.log;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/**
 * Runs on the key's owner: sets the reservation when the key has no value, and returns the value it
 * had (null when it had none). Hazelcast may run it twice when the owner dies mid-call; the second
 * run then returns the reservation itself, which the caller reads as its own.
 */
final class Reserve implements EntryProcessor<String, String, String> {

  private static final long serialVersionUID = 1L;

  private final String mark;

  Reserve(String mark) {
    this.mark = mark;
  }

  @Override
  public String process(Map.Entry<String, String> entry) {
    String previous = entry.getValue();
    if (previous == null) {
      entry.setValue(mark);
    }
    return previous;
  }
}
