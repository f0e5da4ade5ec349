package io.boxoffice.catalog;

import io.boxoffice.shared.Money;
import java.time.Instant;

/** An event as a search result lists it; the price range spans its tiers. */
public record EventSummary(
    EventId id,
    String title,
    String performer,
    Instant startsAt,
    Instant onSaleAt,
    Instant offSaleAt,
    EventStatus.Lifecycle lifecycle,
    EventDetails.Venue venue,
    Money minPrice,
    Money maxPrice) {

  public EventStatus status(Instant now, boolean soldOut) {
    return EventStatus.derive(lifecycle, onSaleAt, offSaleAt, now, soldOut);
  }
}
