package io.boxoffice.catalog;

import java.time.Instant;

/**
 * What a buyer sees of an event. Only {@code DRAFT}, {@code PUBLISHED} and {@code CANCELLED} are
 * stored (the {@link Lifecycle}); the others follow from the clock and the inventory, so they can
 * never disagree with them.
 */
public enum EventStatus {
  /** Being set up by its organizer; invisible to the public. */
  DRAFT,
  /** Announced; the sale has not opened yet. */
  PUBLISHED,
  /** Between on-sale and off-sale, with something left to buy. */
  ON_SALE,
  /** Between on-sale and off-sale, nothing left (some may come back when holds expire). */
  SOLD_OUT,
  /** The sale window has closed. */
  ENDED,
  /** Called off by the organizer; every order is refunded. */
  CANCELLED;

  /** The stored part of the status. */
  public enum Lifecycle {
    DRAFT,
    PUBLISHED,
    CANCELLED
  }

  public static EventStatus derive(
      Lifecycle lifecycle, Instant onSaleAt, Instant offSaleAt, Instant now, boolean soldOut) {
    return switch (lifecycle) {
      case DRAFT -> DRAFT;
      case CANCELLED -> CANCELLED;
      case PUBLISHED -> {
        if (now.isBefore(onSaleAt)) {
          yield PUBLISHED;
        }
        if (!now.isBefore(offSaleAt)) {
          yield ENDED;
        }
        yield soldOut ? SOLD_OUT : ON_SALE;
      }
    };
  }
}
