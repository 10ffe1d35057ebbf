package org.ushs.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ushs.client.event.UshsEvent;

/** The application's listeners; a listener that throws is logged and does not stop the others. */
final class Listeners {

  private static final Logger LOG = Logger.getLogger(UshsClient.class.getName());

  final List<Consumer<UshsEvent>> events = new CopyOnWriteArrayList<>();
  final List<Consumer<StateChange>> states = new CopyOnWriteArrayList<>();
  final List<Consumer<UshsError>> errors = new CopyOnWriteArrayList<>();
  final List<Consumer<ReplayResult>> replays = new CopyOnWriteArrayList<>();
  final List<Consumer<Gap>> gaps = new CopyOnWriteArrayList<>();

  static <T> void fire(List<Consumer<T>> listeners, T value) {
    for (Consumer<T> listener : listeners) {
      try {
        listener.accept(value);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "listener failed", e);
      }
    }
  }
}
