package io.boxoffice.admission.internal;

import io.boxoffice.catalog.Catalog;
import io.boxoffice.catalog.EventId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Lets visitors in. Every second the instance holding the {@link AdmitterLease} goes through the
 * events on sale with a waiting room: draws the pre-queue once the sale has started, then admits at
 * the configured rate while the active shoppers stay under the cap. Every step is idempotent — the
 * draw is recorded before it is applied, admissions are atomic in Redis — so a new admitter carries
 * on where a dead one stopped.
 */
@Component
class Admitter {

  private static final Logger log = LoggerFactory.getLogger(Admitter.class);

  private final Catalog catalog;
  private final QueuePolicies policies;
  private final WaitingRoom room;
  private final DrawLedger draws;
  private final AdmitterLease lease;
  private final AdmissionMetrics metrics;
  private final Clock clock;
  private final boolean enabled;
  private final AtomicLong admittedHere = new AtomicLong();

  Admitter(
      Catalog catalog,
      QueuePolicies policies,
      WaitingRoom room,
      DrawLedger draws,
      AdmitterLease lease,
      AdmissionMetrics metrics,
      Clock clock,
      @Value("${boxoffice.admission.admitter.enabled:true}") boolean enabled) {
    this.catalog = catalog;
    this.policies = policies;
    this.room = room;
    this.draws = draws;
    this.lease = lease;
    this.metrics = metrics;
    this.clock = clock;
    this.enabled = enabled;
  }

  @Scheduled(fixedDelayString = "${boxoffice.admission.admitter.interval:1s}")
  void run() {
    if (!enabled) {
      return;
    }
    try {
      if (!lease.hold()) {
        return;
      }
      var now = clock.instant();
      var admitting = new java.util.HashSet<EventId>();
      for (var event : catalog.onSale(now)) {
        policies
            .current(event)
            .filter(policy -> policy.admittingAt(now))
            .ifPresent(
                policy -> {
                  admitting.add(event);
                  admit(policy, now);
                });
      }
      metrics.retain(admitting);
    } catch (DataAccessException e) {
      log.warn("admission paused: {}", e.getMessage()); // Redis or the database is away
    }
  }

  /** One admission step for one event (tests call it with their own clock readings). */
  List<WaitingRoom.Admitted> admit(QueuePolicy policy, Instant now) {
    var event = policy.event();
    if (!room.drawDone(event)) {
      draw(event);
    }
    var admitted =
        room.admit(
            event, now, policy.ratePerMinute(), policy.maxActiveShoppers(), policy.tokenTtl());
    admittedHere.addAndGet(admitted.size());
    metrics.admitted(event, admitted, now);
    metrics.levels(event, room.lineLength(event), room.activeShoppers(event, now));
    return admitted;
  }

  /** Shuffles the pre-queue: the draw is stored (and published) first, then applied. */
  void draw(EventId event) {
    var entries = room.closePreQueue(event);
    var draw =
        draws.find(event).orElseGet(() -> draws.record(event, Draw.of(Draw.newSeed(), entries)));
    room.applyDraw(event, draw.seed(), draw.order());
    log.info("waiting room of {}: {} early arrivals drawn", event, draw.order().size());
  }

  /** Visitors this instance admitted since it started. */
  long admittedHere() {
    return admittedHere.get();
  }
}
