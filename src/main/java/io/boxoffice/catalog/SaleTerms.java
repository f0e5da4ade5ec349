package io.boxoffice.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the inventory needs to decide a hold, read in two small queries: whether the event sells
 * now, how long holds last, how many tickets one customer may have, and the tier prices.
 */
public record SaleTerms(
    EventId eventId,
    EventStatus.Lifecycle lifecycle,
    Instant onSaleAt,
    Instant offSaleAt,
    Duration holdTtl,
    int maxTicketsPerCustomer,
    boolean queueEnabled,
    List<PriceTier> tiers) {

  /** Published and inside the sale window at {@code now}. */
  public boolean sellsAt(Instant now) {
    return lifecycle == EventStatus.Lifecycle.PUBLISHED
        && !now.isBefore(onSaleAt)
        && now.isBefore(offSaleAt);
  }

  public Optional<PriceTier> tier(UUID tierId) {
    return tiers.stream().filter(t -> t.id().equals(tierId)).findFirst();
  }
}
