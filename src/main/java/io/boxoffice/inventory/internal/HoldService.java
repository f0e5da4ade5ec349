package io.boxoffice.inventory.internal;

import io.boxoffice.catalog.EventId;
import io.boxoffice.identity.AccountId;
import io.boxoffice.inventory.Availability;
import io.boxoffice.inventory.Hold;
import io.boxoffice.inventory.HoldConfirmed;
import io.boxoffice.inventory.HoldId;
import io.boxoffice.inventory.HoldPlaced;
import io.boxoffice.inventory.HoldRejections;
import io.boxoffice.inventory.HoldRejections.Unprocessable;
import io.boxoffice.inventory.HoldReleased;
import io.boxoffice.inventory.HoldRequest;
import io.boxoffice.inventory.HoldStatus;
import io.boxoffice.inventory.Inventory;
import io.boxoffice.shared.NotFound;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Holds from request to release, confirmation or refund. Each public method is one transaction (a
 * batched general-admission hold: its batch's). Lock order, everywhere: the customer's advisory
 * lock, then seat rows in seat-id order (never waiting: {@code SKIP LOCKED}), then the hold row,
 * then general-admission counters.
 */
@Service
class HoldService implements Inventory {

  private final SaleWindow saleWindow;
  private final HoldRepository holds;
  private final SeatClaims seats;
  private final GaClaims places;
  private final InventoryRepository inventory;
  private final InventoryChanges changes;
  private final ApplicationEventPublisher publisher;
  private final Clock clock;
  private final HoldClaims claims;
  private final GaBatches batches;
  private final TransactionTemplate transactions;

  HoldService(
      SaleWindow saleWindow,
      HoldRepository holds,
      SeatClaims seats,
      GaClaims places,
      InventoryRepository inventory,
      InventoryChanges changes,
      ApplicationEventPublisher publisher,
      Clock clock,
      HoldClaims claims,
      GaBatches batches,
      PlatformTransactionManager transactionManager) {
    this.saleWindow = saleWindow;
    this.holds = holds;
    this.seats = seats;
    this.places = places;
    this.inventory = inventory;
    this.changes = changes;
    this.publisher = publisher;
    this.clock = clock;
    this.claims = claims;
    this.batches = batches;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Availability> availability(EventId event) {
    return inventory.availability(event);
  }

  @Override
  @Transactional(readOnly = true)
  public io.boxoffice.inventory.StockCounts counts(EventId event) {
    return inventory.counts(event);
  }

  /**
   * Outside a transaction, general admission goes through {@link GaBatches} (group commit);
   * everything else, and any hold inside a caller's transaction, is one transaction here.
   */
  @Override
  public Hold hold(AccountId customer, EventId event, HoldRequest request) {
    checkQuantity(request);
    if (request instanceof HoldRequest.GeneralAdmission ga && batches.applies()) {
      return batches.claim(customer, event, ga.sectionId(), ga.quantity());
    }
    return transactions.execute(tx -> holdInOneTransaction(customer, event, request));
  }

  private Hold holdInOneTransaction(AccountId customer, EventId event, HoldRequest request) {
    var terms = saleWindow.require(event);
    int quantity = request.quantity();
    holds.lockCustomer(event, customer);
    int already = holds.ticketsOf(event, customer);
    if (already + quantity > terms.maxTicketsPerCustomer()) {
      throw new HoldRejections.LimitExceeded(terms.maxTicketsPerCustomer(), already, quantity);
    }
    var id = HoldId.random();
    claims.claim(id, customer, terms, request);
    publisher.publishEvent(new HoldPlaced(id, event, quantity));
    var placed = holds.find(id).orElseThrow();
    changes.mirror(event, id, Duration.between(clock.instant(), placed.expiresAt()));
    return placed;
  }

  private static void checkQuantity(HoldRequest request) {
    int quantity = request.quantity();
    if (quantity < 1 || quantity > HoldRequest.MAX_PER_REQUEST) {
      throw new Unprocessable(
          "invalid-quantity",
          "Invalid quantity",
          "Hold between 1 and " + HoldRequest.MAX_PER_REQUEST + " tickets at a time");
    }
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Hold> find(HoldId hold) {
    return holds.find(hold);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Hold> findOwned(HoldId hold, AccountId customer) {
    return holds.find(hold).filter(h -> h.customerId().equals(customer));
  }

  @Override
  @Transactional
  public void release(HoldId id, AccountId customer) {
    var hold = findOwned(id, customer).orElseThrow(() -> new NotFound("Hold", id));
    if (hold.status() == HoldStatus.RELEASED) {
      return;
    }
    move(hold, HoldStatus.ACTIVE, HoldStatus.RELEASED);
    giveBack(hold);
    changes.unmirror(hold.eventId(), id);
    publisher.publishEvent(new HoldReleased(id, hold.eventId(), hold.quantity()));
  }

  @Override
  @Transactional
  public Hold startCheckout(HoldId id, AccountId customer, Duration paymentWindow) {
    var hold = findOwned(id, customer).orElseThrow(() -> new NotFound("Hold", id));
    var checkoutUntil =
        holds
            .startCheckout(id, customer, paymentWindow)
            .orElseThrow(
                () ->
                    hold.status() == HoldStatus.ACTIVE
                        ? new Unprocessable(
                            "hold-expired", "Hold expired", "Hold " + id + " has expired")
                        : HoldRejections.illegalTransition(
                            id, hold.status(), HoldStatus.CHECKING_OUT));
    return hold.moved(HoldStatus.CHECKING_OUT, checkoutUntil);
  }

  @Override
  @Transactional
  public void returnToActive(HoldId id) {
    move(existing(id), HoldStatus.CHECKING_OUT, HoldStatus.ACTIVE);
  }

  @Override
  @Transactional
  public Hold confirm(HoldId id) {
    var hold = existing(id);
    move(hold, HoldStatus.CHECKING_OUT, HoldStatus.CONFIRMED);
    changes.unmirror(hold.eventId(), id);
    var section = gaSection(hold);
    if (section != null) {
      places.sell(hold.eventId(), section, hold.quantity());
      changes.placesChanged(hold.eventId(), section);
    } else if (seats.sell(hold.eventId(), id) != hold.quantity()) {
      // A CHECKING_OUT hold cannot lose seats; if it did, selling part of it would be wrong.
      throw new IllegalStateException("hold " + id + " no longer has all its seats");
    }
    publisher.publishEvent(new HoldConfirmed(id, hold.eventId(), hold.quantity()));
    return hold.moved(HoldStatus.CONFIRMED, null);
  }

  @Override
  @Transactional
  public void abandonCheckout(HoldId id) {
    var hold = existing(id);
    move(hold, HoldStatus.CHECKING_OUT, HoldStatus.RELEASED);
    giveBack(hold);
    changes.unmirror(hold.eventId(), id);
    publisher.publishEvent(new HoldReleased(id, hold.eventId(), hold.quantity()));
  }

  @Override
  @Transactional
  public void refund(HoldId id) {
    var hold = existing(id);
    move(hold, HoldStatus.CONFIRMED, HoldStatus.RELEASED);
    var section = gaSection(hold);
    if (section != null) {
      places.unsell(hold.eventId(), section, hold.quantity());
      changes.placesChanged(hold.eventId(), section);
    } else {
      changes.seatsFreed(hold.eventId(), seats.unsell(hold.eventId(), id));
    }
    publisher.publishEvent(new HoldReleased(id, hold.eventId(), hold.quantity()));
  }

  private Hold existing(HoldId id) {
    return holds.find(id).orElseThrow(() -> new NotFound("Hold", id));
  }

  private void move(Hold hold, HoldStatus from, HoldStatus to) {
    if (!holds.transition(hold.id(), from, to, "")) {
      var actual = holds.find(hold.id()).map(Hold::status).orElse(hold.status());
      throw HoldRejections.illegalTransition(hold.id(), actual, to);
    }
  }

  /** Seats or places of a hold that was not sold come back. */
  private void giveBack(Hold hold) {
    var section = gaSection(hold);
    if (section != null) {
      places.release(hold.eventId(), section, hold.quantity());
      changes.placesChanged(hold.eventId(), section);
    } else {
      changes.seatsFreed(hold.eventId(), seats.release(hold.eventId(), hold.id()));
    }
  }

  private static UUID gaSection(Hold hold) {
    var first = hold.items().getFirst();
    return first.seatId() == null ? first.sectionId() : null;
  }
}
