package io.boxoffice.inventory;

import io.boxoffice.catalog.EventId;
import java.util.Optional;

/** The inventory module's API. */
public interface Inventory {

  /** Availability of a published event; empty when the event has no inventory (a draft). */
  Optional<Availability> availability(EventId event);
}
