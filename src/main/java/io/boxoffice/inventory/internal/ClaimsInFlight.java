package io.boxoffice.inventory.internal;

import io.boxoffice.catalog.EventId;
import io.boxoffice.shared.jdbc.AfterTransaction;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The seats that best-available claims of this instance are taking right now, per event: a hint for
 * choosers, so that buyers of the same moment pick different blocks instead of all trying the same
 * best one (all but one would find it locked and choose again, and again). Only a hint:
 * PostgreSQL's row locks decide who gets a seat, and claims made on other instances are not seen
 * here.
 */
@Component
class ClaimsInFlight {

  private final Map<EventId, Set<UUID>> seats = new ConcurrentHashMap<>();

  /** The seats being claimed of the event, at this moment. */
  Set<UUID> of(EventId event) {
    return seats.getOrDefault(event, Set.of());
  }

  /** The seats are being claimed (call {@link #over} or {@link #overWithTransaction} after). */
  void claiming(EventId event, Collection<UUID> ids) {
    seats.compute(
        event,
        (key, set) -> {
          var claimed = set == null ? ConcurrentHashMap.<UUID>newKeySet() : set;
          claimed.addAll(ids);
          return claimed;
        });
  }

  /** The claim of these seats failed: they are no longer being claimed here. */
  void over(EventId event, Collection<UUID> ids) {
    seats.computeIfPresent(
        event,
        (key, set) -> {
          set.removeAll(ids);
          return set.isEmpty() ? null : set;
        });
  }

  /** The claim succeeded: it is over when its transaction ends (committed or rolled back). */
  void overWithTransaction(EventId event, Collection<UUID> ids) {
    AfterTransaction.completion(() -> over(event, ids));
  }
}
