package io.boxoffice.admission.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.boxoffice.catalog.Catalog;
import io.boxoffice.catalog.EventId;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Queue rules by event, cached for a few seconds on each instance: the hold path asks on every
 * request whether a token is needed, and must not add a database query to each hold for it. An
 * organizer's change to the queue settings takes effect within seconds (the queue's own endpoints
 * and the admitter read them fresh).
 */
@Component
class QueuePolicies {

  private final Catalog catalog;

  // Refreshed in the background after 5 s while readers keep the cached rules (a reload must never
  // make every request wait for a connection at once); dropped after 30 s without a refresh.
  private final LoadingCache<EventId, Optional<QueuePolicy>> cache;

  QueuePolicies(Catalog catalog) {
    this.catalog = catalog;
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(10_000)
            .refreshAfterWrite(Duration.ofSeconds(5))
            .expireAfterWrite(Duration.ofSeconds(30))
            .build(id -> catalog.event(id).map(QueuePolicy::of));
  }

  Optional<QueuePolicy> of(EventId event) {
    return cache.get(event);
  }

  /** Fresh from the catalog, for the queue's own endpoints and the admitter. */
  Optional<QueuePolicy> current(EventId event) {
    var policy = catalog.event(event).map(QueuePolicy::of);
    cache.put(event, policy);
    return policy;
  }
}
