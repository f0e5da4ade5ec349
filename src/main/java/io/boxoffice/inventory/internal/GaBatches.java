package io.boxoffice.inventory.internal;

import io.boxoffice.catalog.EventId;
import io.boxoffice.identity.AccountId;
import io.boxoffice.inventory.Hold;
import io.boxoffice.inventory.HoldId;
import io.boxoffice.inventory.HoldPlaced;
import io.boxoffice.inventory.HoldRejections;
import io.boxoffice.inventory.HoldStatus;
import io.boxoffice.shared.DomainException;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for general admission (ARCHITECTURE §6, docs/inventory.md). One counter row per
 * section is the hot row of a general-admission on-sale: claimed one transaction at a time, every
 * claim waits for the previous one's durable commit. Here concurrent claims on the same section
 * queue up in a lane; one drainer per lane takes what has arrived (up to {@code max-batch}) and
 * decides it in one transaction: the customers' advisory locks, their current tickets, the counter
 * row locked once, decisions in arrival order (limit first, then places), all holds inserted by one
 * statement and the counter moved by one update. While that batch commits, the next one gathers.
 * The counter's {@code CHECK (held + sold <= capacity)} still arbitrates between instances, each of
 * which batches on its own.
 *
 * <p>Only callers outside a transaction are batched (the hold must commit on its own, in the
 * batch); a hold inside a caller's transaction takes the one-claim path of {@link HoldClaims}.
 */
@Component
class GaBatches {

  private static final Logger log = LoggerFactory.getLogger(GaBatches.class);

  private record LaneKey(EventId event, UUID section) {}

  /** One request's claim; {@code decision} completes after its batch committed or failed. */
  private record Claim(AccountId customer, int quantity, CompletableFuture<Hold> decision) {}

  private static final class Lane {
    final LaneKey key;
    final ConcurrentLinkedQueue<Claim> queue = new ConcurrentLinkedQueue<>();
    final AtomicBoolean draining = new AtomicBoolean();

    Lane(LaneKey key) {
      this.key = key;
    }
  }

  private final Map<LaneKey, Lane> lanes = new ConcurrentHashMap<>();
  private final ExecutorService drainers = Executors.newVirtualThreadPerTaskExecutor();
  private final SaleWindow saleWindow;
  private final HoldRepository holds;
  private final GaClaims places;
  private final HoldClaims claims;
  private final InventoryChanges changes;
  private final ApplicationEventPublisher publisher;
  private final TransactionTemplate transactions;
  private final GaBatchingProperties properties;

  GaBatches(
      SaleWindow saleWindow,
      HoldRepository holds,
      GaClaims places,
      HoldClaims claims,
      InventoryChanges changes,
      ApplicationEventPublisher publisher,
      PlatformTransactionManager transactionManager,
      GaBatchingProperties properties) {
    this.saleWindow = saleWindow;
    this.holds = holds;
    this.places = places;
    this.claims = claims;
    this.changes = changes;
    this.publisher = publisher;
    this.transactions = new TransactionTemplate(transactionManager);
    this.properties = properties;
  }

  /** Whether a claim made now goes through a batch. */
  boolean applies() {
    return properties.enabled() && !TransactionSynchronizationManager.isActualTransactionActive();
  }

  /**
   * A new hold of {@code quantity} places of {@code section}, committed when this returns; throws
   * why not otherwise ({@link HoldRejections.LimitExceeded}, {@link
   * HoldRejections.NotEnoughPlaces}, not on sale, not a general-admission section), having changed
   * nothing. The request thread touches no connection: its batch reads the sale terms and the
   * counter once for every claim in it.
   */
  Hold claim(AccountId customer, EventId event, UUID section, int quantity) {
    var claim = new Claim(customer, quantity, new CompletableFuture<>());
    var lane = lanes.computeIfAbsent(new LaneKey(event, section), Lane::new);
    lane.queue.add(claim);
    if (lane.draining.compareAndSet(false, true)) {
      drainers.execute(() -> drain(lane));
    }
    try {
      return claim.decision().get(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    } catch (TimeoutException e) {
      // A batch decided after this may still make the hold: it expires like any unpaid one.
      claim.decision().completeExceptionally(e);
      throw new IllegalStateException("general-admission claim not decided in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while claiming", e);
    }
  }

  /**
   * Runs batches until the lane is empty. A claim added after the last look is seen by the check
   * after {@code draining} is cleared, or by its submitter's own compare-and-set.
   */
  private void drain(Lane lane) {
    do {
      try {
        while (!lane.queue.isEmpty()) {
          runBatch(lane);
        }
      } finally {
        lane.draining.set(false);
      }
    } while (!lane.queue.isEmpty() && lane.draining.compareAndSet(false, true));
    // An idle lane goes; a claim that still finds it is drained by its own compare-and-set, and
    // two lanes of one section at once only batch less (the counter row's lock orders them).
    lanes.remove(lane.key, lane);
  }

  private void runBatch(Lane lane) {
    var batch = new ArrayList<Claim>();
    for (Claim next; batch.size() < properties.maxBatch() && (next = lane.queue.poll()) != null; ) {
      if (!next.decision().isDone()) {
        batch.add(next);
      }
    }
    if (batch.isEmpty()) {
      return;
    }
    Map<Claim, Object> decisions;
    try {
      decisions = transactions.execute(tx -> decide(lane.key, batch));
    } catch (RuntimeException e) {
      if (!(e instanceof DomainException)) {
        log.warn("general-admission batch of {} claims failed: {}", batch.size(), e.toString());
      }
      batch.forEach(c -> c.decision().completeExceptionally(e));
      return;
    }
    for (var claim : batch) {
      var decision = decisions.get(claim);
      if (decision instanceof Hold hold) {
        if (!claim.decision().complete(hold)) {
          log.warn("hold {} was made after its request gave up; it will expire", hold.id());
        }
      } else {
        claim.decision().completeExceptionally((RuntimeException) decision);
      }
    }
  }

  /**
   * One batch in one transaction: each claim's {@link Hold}, or the exception that refuses it.
   * Throws (failing every claim) when the event does not sell or the section is not general
   * admission.
   */
  private Map<Claim, Object> decide(LaneKey key, List<Claim> batch) {
    var event = key.event();
    var section = key.section();
    var terms = saleWindow.require(event);
    var customers = batch.stream().map(Claim::customer).toList();
    holds.lockCustomers(event, customers);
    var tickets = holds.ticketsOf(event, customers);
    var area =
        places.lock(event, section).orElseThrow(() -> claims.notGeneralAdmission(event, section));
    var unit = HoldClaims.price(terms, area.tierId());
    int remaining = area.remaining();
    boolean reclaimed = false;
    var decisions = new HashMap<Claim, Object>();
    var accepted = new LinkedHashMap<HoldRepository.NewHold, Claim>();
    for (var claim : batch) {
      int limit = terms.maxTicketsPerCustomer();
      int already = tickets.getOrDefault(claim.customer(), 0);
      if (already + claim.quantity() > limit) {
        decisions.put(claim, new HoldRejections.LimitExceeded(limit, already, claim.quantity()));
        continue;
      }
      if (claim.quantity() > remaining && !reclaimed) {
        reclaimed = true;
        remaining += claims.reclaimLapsed(event, section);
      }
      if (claim.quantity() > remaining) {
        decisions.put(claim, new HoldRejections.NotEnoughPlaces(claim.quantity(), remaining));
        continue;
      }
      remaining -= claim.quantity();
      tickets.merge(claim.customer(), claim.quantity(), Integer::sum);
      var hold =
          new HoldRepository.NewHold(
              HoldId.random(),
              event,
              claim.customer(),
              section,
              claim.quantity(),
              unit.times(claim.quantity()),
              terms.holdTtl());
      accepted.put(hold, claim);
    }
    if (accepted.isEmpty()) {
      return decisions;
    }
    int taken = accepted.keySet().stream().mapToInt(HoldRepository.NewHold::quantity).sum();
    if (!places.claim(event, section, taken)) {
      throw new IllegalStateException("locked counter " + key + " refused " + taken + " places");
    }
    var inserted = holds.insertAll(List.copyOf(accepted.keySet()));
    var times = new HashMap<HoldId, HoldRepository.Inserted>();
    inserted.forEach(row -> times.put(row.id(), row));
    changes.placesChanged(event, section);
    accepted.forEach(
        (hold, claim) -> {
          var row = times.get(hold.id());
          decisions.put(
              claim,
              new Hold(
                  hold.id(),
                  event,
                  hold.customer(),
                  HoldStatus.ACTIVE,
                  List.of(new Hold.Item(null, section, area.tierId(), hold.quantity(), unit)),
                  hold.total(),
                  row.expiresAt(),
                  null,
                  row.createdAt()));
          changes.mirror(event, hold.id(), hold.ttl());
          publisher.publishEvent(new HoldPlaced(hold.id(), event, hold.quantity()));
        });
    return decisions;
  }

  @PreDestroy
  void close() {
    drainers.close();
  }
}
