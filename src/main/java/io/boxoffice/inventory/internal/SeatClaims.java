package io.boxoffice.inventory.internal;

import io.boxoffice.catalog.EventId;
import io.boxoffice.inventory.HoldId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The seat claim statements. What guards the invariants:
 *
 * <ul>
 *   <li>{@code event_seat} has one row per seat and one {@code hold_id} column, so a seat can only
 *       ever belong to one hold; {@code CHECK ((status = 'AVAILABLE') = (hold_id is null))}.
 *   <li>Claims lock the requested seat rows in seat-id order with {@code FOR UPDATE SKIP LOCKED}: a
 *       seat another request is claiming right now is reported unavailable at once instead of
 *       waiting, and since no claim ever waits for a seat lock, claims cannot deadlock.
 *   <li>A seat held by an ACTIVE hold whose {@code expires_at} has passed (by the database clock)
 *       is claimable: an expired hold never blocks a new claim, even before the sweeper runs.
 * </ul>
 */
@Repository
class SeatClaims {

  /** A locked seat and whether this claim may take it. */
  record LockedSeat(UUID seatId, UUID tierId, boolean claimable) {}

  private final JdbcClient jdbc;

  SeatClaims(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Which of the seats exist in this event (no locks). */
  List<UUID> existing(EventId event, Collection<UUID> seats) {
    return jdbc.sql(
            "select seat_id from event_seat where event_id = :event and seat_id = any(:seats)")
        .param("event", event.value())
        .param("seats", seats.toArray(UUID[]::new))
        .query(UUID.class)
        .list();
  }

  /**
   * Locks the seats that no other transaction is claiming, in seat-id order, and says which are
   * claimable. Seats locked elsewhere are simply missing from the answer.
   */
  List<LockedSeat> lock(EventId event, Collection<UUID> seats) {
    return jdbc.sql(
            """
            select es.seat_id, es.tier_id,
                   es.status = 'AVAILABLE'
                   or (es.status = 'HELD' and h.status = 'ACTIVE' and h.expires_at <= now())
                       as claimable
            from event_seat es
            left join hold h on h.id = es.hold_id
            where es.event_id = :event and es.seat_id = any(:seats)
            order by es.seat_id
            for update of es skip locked
            """)
        .param("event", event.value())
        .param("seats", seats.toArray(UUID[]::new))
        .query(
            (rs, n) ->
                new LockedSeat(
                    rs.getObject("seat_id", UUID.class),
                    rs.getObject("tier_id", UUID.class),
                    rs.getBoolean("claimable")))
        .list();
  }

  /** Gives the locked, claimable seats to the hold (taking them from expired holds if need be). */
  int assign(EventId event, Collection<UUID> seats, HoldId hold) {
    return jdbc.sql(
            """
            update event_seat set status = 'HELD', hold_id = :hold, version = version + 1
            where event_id = :event and seat_id = any(:seats)
            """)
        .param("event", event.value())
        .param("seats", seats.toArray(UUID[]::new))
        .param("hold", hold.value())
        .update();
  }

  /** The seats still held for the hold come back (seats taken by newer claims are untouched). */
  List<UUID> release(EventId event, HoldId hold) {
    return makeAvailable(event, hold, "HELD");
  }

  /** HELD → SOLD for every seat of the hold; returns how many. */
  int sell(EventId event, HoldId hold) {
    return jdbc.sql(
            """
            update event_seat set status = 'SOLD', version = version + 1
            where event_id = :event and hold_id = :hold and status = 'HELD'
            """)
        .param("event", event.value())
        .param("hold", hold.value())
        .update();
  }

  /** SOLD → AVAILABLE for every seat of the hold (refund); returns the seats. */
  List<UUID> unsell(EventId event, HoldId hold) {
    return makeAvailable(event, hold, "SOLD");
  }

  private List<UUID> makeAvailable(EventId event, HoldId hold, String from) {
    return jdbc.sql(
            """
            update event_seat set status = 'AVAILABLE', hold_id = null, version = version + 1
            where event_id = :event and hold_id = :hold and status = :from
            returning seat_id
            """)
        .param("event", event.value())
        .param("hold", hold.value())
        .param("from", from)
        .query(UUID.class)
        .list();
  }

  static List<UUID> missing(Collection<UUID> requested, Collection<UUID> present) {
    var missing = new ArrayList<>(requested);
    missing.removeAll(present);
    return missing;
  }
}
