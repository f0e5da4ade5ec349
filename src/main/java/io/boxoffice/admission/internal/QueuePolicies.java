package io.boxoffice.admission.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.boxoffice.catalog.Catalog;
import io.boxoffice.catalog.EventId;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Queue rules by event, cached for a few seconds on each instance: the hold path asks on every
 * request whether a token is needed, and must not add a database query to each hold for it. An
 * organizer's change to the queue settings takes effect within the cache time.
 */
@Component
class QueuePolicies {

  private final Catalog catalog;
  private final Cache<EventId, Optional<QueuePolicy>> cache =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(5)).build();

  QueuePolicies(Catalog catalog) {
    this.catalog = catalog;
  }

  Optional<QueuePolicy> of(EventId event) {
    return cache.get(event, id -> catalog.event(id).map(QueuePolicy::of));
  }

  /** Fresh from the catalog, for the queue's own endpoints and the admitter. */
  Optional<QueuePolicy> current(EventId event) {
    var policy = catalog.event(event).map(QueuePolicy::of);
    cache.put(event, policy);
    return policy;
  }
}
