package io.boxoffice.inventory.internal;

import io.boxoffice.catalog.EventId;
import io.boxoffice.inventory.HoldExpired;
import io.boxoffice.inventory.HoldId;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Releases expired holds, every second, in batches. Safe on N instances: each run claims a batch of
 * expired ACTIVE holds with {@code FOR UPDATE SKIP LOCKED}, so concurrent sweepers (and lazy
 * reclaim in claims) take disjoint holds and each hold is released exactly once. Expiry is judged
 * by the database clock. CHECKING_OUT holds are never touched: checkout resolves them.
 *
 * <p>Locks, in order: the batch's hold rows; then their seats (which no longer name the hold if a
 * newer claim took them); then general-admission rows sorted by event and section, so two sweepers
 * can never wait on each other in a cycle.
 */
@Component
class HoldSweeper {

  static final int BATCH = 500;

  private record Expired(HoldId id, EventId event, UUID gaSection, int quantity) {}

  private final JdbcClient jdbc;
  private final SeatClaims seats;
  private final GaClaims places;
  private final InventoryChanges changes;
  private final ApplicationEventPublisher publisher;
  private final TransactionTemplate transactions;
  private final InventoryMetrics metrics;

  HoldSweeper(
      JdbcClient jdbc,
      SeatClaims seats,
      GaClaims places,
      InventoryChanges changes,
      ApplicationEventPublisher publisher,
      TransactionTemplate transactions,
      InventoryMetrics metrics) {
    this.jdbc = jdbc;
    this.seats = seats;
    this.places = places;
    this.changes = changes;
    this.publisher = publisher;
    this.transactions = transactions;
    this.metrics = metrics;
  }

  /** The schedule; off with {@code boxoffice.inventory.sweeper.enabled=false}. */
  @Component
  @ConditionalOnBooleanProperty(name = "boxoffice.inventory.sweeper.enabled", matchIfMissing = true)
  static class Schedule {
    private final HoldSweeper sweeper;

    Schedule(HoldSweeper sweeper) {
      this.sweeper = sweeper;
    }

    @Scheduled(fixedDelayString = "${boxoffice.inventory.sweeper.interval:1s}")
    void run() {
      sweeper.sweepAll();
    }
  }

  /** Sweeps batch after batch until no expired hold is left; returns how many it released. */
  int sweepAll() {
    int total = 0;
    int released;
    do {
      released = sweepBatch();
      total += released;
    } while (released == BATCH);
    return total;
  }

  /** One transaction: expire up to {@link #BATCH} holds and give their seats and places back. */
  int sweepBatch() {
    Integer released =
        transactions.execute(
            status -> {
              var expired = claimExpired();
              for (var hold : expired) {
                if (hold.gaSection() == null) {
                  changes.seatsFreed(hold.event(), seats.release(hold.event(), hold.id()));
                }
              }
              expired.stream()
                  .filter(h -> h.gaSection() != null)
                  .sorted(
                      Comparator.comparing((Expired h) -> h.event().value())
                          .thenComparing(Expired::gaSection))
                  .forEach(
                      h -> {
                        places.release(h.event(), h.gaSection(), h.quantity());
                        changes.placesChanged(h.event(), h.gaSection());
                      });
              for (var hold : expired) {
                changes.unmirror(hold.event(), hold.id());
                publisher.publishEvent(new HoldExpired(hold.id(), hold.event(), hold.quantity()));
              }
              return expired.size();
            });
    metrics.expired(released == null ? 0 : released);
    return released == null ? 0 : released;
  }

  private List<Expired> claimExpired() {
    return jdbc.sql(
            """
            update hold set status = 'EXPIRED', ended_at = now(), version = version + 1
            where id in (
                select id from hold where status = 'ACTIVE' and expires_at <= now()
                order by expires_at limit :batch
                for update skip locked)
            returning id, event_id, ga_section_id, quantity
            """)
        .param("batch", BATCH)
        .query(
            (rs, n) ->
                new Expired(
                    new HoldId(rs.getObject("id", UUID.class)),
                    new EventId(rs.getObject("event_id", UUID.class)),
                    rs.getObject("ga_section_id", UUID.class),
                    rs.getInt("quantity")))
        .list();
  }
}
