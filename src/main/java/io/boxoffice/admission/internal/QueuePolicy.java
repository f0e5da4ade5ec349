package io.boxoffice.admission.internal;

import io.boxoffice.catalog.EventDetails;
import io.boxoffice.catalog.EventId;
import io.boxoffice.catalog.EventStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * An event's waiting-room rules, with the defaults for what the organizer left out: 600 admitted
 * per minute, at most 1,000 active shoppers, tokens valid 10 minutes; the room opens when the event
 * is published unless a pre-queue opening time is set.
 */
record QueuePolicy(
    EventId event,
    boolean enabled,
    boolean published,
    Instant opensAt,
    Instant onSaleAt,
    Instant offSaleAt,
    int ratePerMinute,
    int maxActiveShoppers,
    Duration tokenTtl) {

  static final int DEFAULT_RATE_PER_MINUTE = 600;
  static final int DEFAULT_MAX_ACTIVE = 1_000;
  static final Duration DEFAULT_TOKEN_TTL = Duration.ofMinutes(10);

  static QueuePolicy of(EventDetails event) {
    var queue = event.queue();
    return new QueuePolicy(
        event.id(),
        queue.enabled(),
        event.lifecycle() == EventStatus.Lifecycle.PUBLISHED,
        queue.opensAt(),
        event.onSaleAt(),
        event.offSaleAt(),
        queue.admissionRatePerMinute() == null
            ? DEFAULT_RATE_PER_MINUTE
            : queue.admissionRatePerMinute(),
        queue.maxActiveShoppers() == null ? DEFAULT_MAX_ACTIVE : queue.maxActiveShoppers(),
        queue.admissionTokenTtlSeconds() == null
            ? DEFAULT_TOKEN_TTL
            : Duration.ofSeconds(queue.admissionTokenTtlSeconds()));
  }

  boolean openAt(Instant now) {
    return enabled
        && published
        && (opensAt == null || !now.isBefore(opensAt))
        && now.isBefore(offSaleAt);
  }

  boolean beforeStart(Instant now) {
    return now.isBefore(onSaleAt);
  }

  /** The admitter works on this event: the sale has started and not ended. */
  boolean admittingAt(Instant now) {
    return enabled && published && !now.isBefore(onSaleAt) && now.isBefore(offSaleAt);
  }
}
