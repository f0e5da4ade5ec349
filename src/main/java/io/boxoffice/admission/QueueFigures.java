package io.boxoffice.admission;

import io.boxoffice.catalog.EventId;
import java.util.Optional;

/** An event's waiting room at a glance, for the organizer's dashboard. */
public interface QueueFigures {

  /** Empty when the event has no waiting room. */
  Optional<Figures> of(EventId event);

  /**
   * @param waiting in the line or the pre-queue
   * @param activeShoppers admitted and still counting against the cap
   * @param admittedPerMinute measured over the last minute
   */
  record Figures(long waiting, long activeShoppers, double admittedPerMinute) {}
}
