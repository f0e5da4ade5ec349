package io.boxoffice.inventory.internal;

import io.boxoffice.catalog.EventId;
import io.boxoffice.catalog.PriceTier;
import io.boxoffice.catalog.SaleTerms;
import io.boxoffice.identity.AccountId;
import io.boxoffice.inventory.HoldExpired;
import io.boxoffice.inventory.HoldId;
import io.boxoffice.inventory.HoldRejections;
import io.boxoffice.inventory.HoldRejections.Unprocessable;
import io.boxoffice.inventory.HoldRequest;
import io.boxoffice.shared.Money;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The three ways to claim: named seats (all or nothing), places in a general-admission section, and
 * best available. Runs inside {@link HoldService#hold}'s transaction, after the customer's advisory
 * lock and the limit check.
 */
@Component
class HoldClaims {

  /** Available seats best available reads from the front of the house before the whole scope. */
  static final int FRONT_SEATS = 500;

  private static final int BEST_AVAILABLE_ATTEMPTS = 12;

  /** Blocks tried from one read of the seats before they are read again. */
  private static final int ATTEMPTS_PER_READ = 4;

  private final HoldRepository holds;
  private final SeatClaims seats;
  private final GaClaims places;
  private final BestAvailableQuery bestAvailable;
  private final InventoryRepository inventory;
  private final InventoryChanges changes;
  private final ClaimsInFlight inFlight;
  private final ApplicationEventPublisher publisher;

  HoldClaims(
      HoldRepository holds,
      SeatClaims seats,
      GaClaims places,
      BestAvailableQuery bestAvailable,
      InventoryRepository inventory,
      InventoryChanges changes,
      ClaimsInFlight inFlight,
      ApplicationEventPublisher publisher) {
    this.holds = holds;
    this.seats = seats;
    this.places = places;
    this.bestAvailable = bestAvailable;
    this.inventory = inventory;
    this.changes = changes;
    this.inFlight = inFlight;
    this.publisher = publisher;
  }

  void claim(HoldId id, AccountId customer, SaleTerms terms, HoldRequest request) {
    if (request instanceof HoldRequest.Seats named) {
      claimNamedSeats(id, customer, terms, named.seatIds());
    } else if (request instanceof HoldRequest.GeneralAdmission ga) {
      claimPlaces(id, customer, terms, ga.sectionId(), ga.quantity());
    } else if (request instanceof HoldRequest.BestAvailable best) {
      claimBestAvailable(id, customer, terms, best);
    }
  }

  private void claimNamedSeats(HoldId id, AccountId customer, SaleTerms terms, List<UUID> ids) {
    if (new HashSet<>(ids).size() != ids.size()) {
      throw new Unprocessable("duplicate-seats", "Duplicate seats", "A seat is listed twice");
    }
    var unknown = SeatClaims.missing(ids, seats.existing(terms.eventId(), ids));
    if (!unknown.isEmpty()) {
      throw new Unprocessable(
          "unknown-seats",
          "Unknown seats",
          unknown.size() + " of the seats are not seats of this event",
          Map.of("unknownSeats", unknown));
    }
    var unavailable = tryClaimSeats(id, customer, terms, ids);
    if (!unavailable.isEmpty()) {
      throw new HoldRejections.SeatsUnavailable(unavailable);
    }
  }

  /**
   * The all-or-nothing seat claim. Returns the seats that could not be claimed; if there are any,
   * nothing was changed (the locks taken are released with the transaction).
   */
  private List<UUID> tryClaimSeats(
      HoldId id, AccountId customer, SaleTerms terms, List<UUID> requested) {
    var event = terms.eventId();
    var locked = seats.lock(event, requested);
    var claimable = locked.stream().filter(SeatClaims.LockedSeat::claimable).toList();
    var unavailable =
        SeatClaims.missing(
            requested, claimable.stream().map(SeatClaims.LockedSeat::seatId).toList());
    if (!unavailable.isEmpty()) {
      return unavailable;
    }
    var lines =
        claimable.stream()
            .map(
                s ->
                    new HoldRepository.SeatLine(
                        s.seatId(), s.tierId(), price(terms, s.tierId()).amount()))
            .toList();
    var currency = terms.tiers().getFirst().price().currency();
    var total = Money.of(lines.stream().mapToLong(HoldRepository.SeatLine::amount).sum(), currency);
    holds.insert(
        new HoldRepository.NewHold(
            id, event, customer, null, lines.size(), total, terms.holdTtl()));
    if (seats.assign(event, requested, id) != requested.size()) {
      throw new IllegalStateException("locked seats could not all be assigned to " + id);
    }
    holds.insertSeats(id, event, lines);
    changes.seatsTaken(event, requested);
    return List.of();
  }

  private void claimPlaces(
      HoldId id, AccountId customer, SaleTerms terms, UUID section, int quantity) {
    var event = terms.eventId();
    var area = generalAdmissionArea(event, section);
    if (!places.claim(event, section, quantity)) {
      reclaimLapsed(event, section);
      if (!places.claim(event, section, quantity)) {
        throw new HoldRejections.NotEnoughPlaces(quantity, places.remaining(event, section));
      }
    }
    var total = price(terms, area.tierId()).times(quantity);
    holds.insert(
        new HoldRepository.NewHold(id, event, customer, section, quantity, total, terms.holdTtl()));
    changes.placesChanged(event, section);
  }

  /** The general-admission section of a request, or why the request can never succeed. */
  GaClaims.Area generalAdmissionArea(EventId event, UUID section) {
    return places.find(event, section).orElseThrow(() -> notGeneralAdmission(event, section));
  }

  /** Why a section that has no general-admission counter cannot be held by quantity. */
  Unprocessable notGeneralAdmission(EventId event, UUID section) {
    return inventory.isSeatedSection(event, section)
        ? new Unprocessable(
            "not-general-admission",
            "Seated section",
            "Section " + section + " is seated: choose seats or best available")
        : new Unprocessable(
            "unknown-section",
            "Unknown section",
            "Section " + section + " is not a section of this event");
  }

  /**
   * Expired holds of the section give their places back now rather than at the next sweep; returns
   * how many places came back.
   */
  int reclaimLapsed(EventId event, UUID section) {
    var reclaimed = places.expireLapsedHolds(event, section);
    int quantity = reclaimed.stream().mapToInt(GaClaims.Reclaimed::quantity).sum();
    if (!reclaimed.isEmpty()) {
      places.release(event, section, quantity);
      for (var lapsed : reclaimed) {
        changes.unmirror(event, lapsed.holdId());
        publisher.publishEvent(new HoldExpired(lapsed.holdId(), event, lapsed.quantity()));
      }
    }
    return quantity;
  }

  private void claimBestAvailable(
      HoldId id, AccountId customer, SaleTerms terms, HoldRequest.BestAvailable request) {
    var event = terms.eventId();
    if (request.tierId() != null && terms.tier(request.tierId()).isEmpty()) {
      throw new Unprocessable("unknown-tier", "Unknown tier", "No such price tier for this event");
    }
    if (request.sectionId() != null && !inventory.isSeatedSection(event, request.sectionId())) {
      throw new Unprocessable(
          "unknown-section", "Unknown section", "No such seated section in this event");
    }
    Map<UUID, Integer> ranks =
        terms.tiers().stream().collect(Collectors.toMap(PriceTier::id, PriceTier::rank));
    // Others pick the same best block at the same moment: a block that could not be locked is left
    // out of the next choice, made from the same read and spread over more of the best blocks the
    // more attempts were lost (else every loser asks for the same next block again, and with a few
    // dozen buying at once the last ones ran out of attempts with the house nearly empty). The
    // front of the house is read first, then four times as much, and the whole scope (with seats of
    // lapsed holds) only when the front has no block; a read is made afresh after ATTEMPTS_PER_READ
    // blocks of it were taken by others. A front read that returned fewer seats than asked already
    // covered the scope's available seats.
    var taken = new HashSet<UUID>();
    int attempts = 0;
    int seats = FRONT_SEATS;
    while (attempts < BEST_AVAILABLE_ATTEMPTS) {
      boolean wholeScope = seats > FRONT_SEATS * 4;
      var candidates =
          wholeScope
              ? bestAvailable.claimable(event, request.tierId(), request.sectionId(), ranks)
              : bestAvailable.front(event, request.tierId(), request.sectionId(), ranks, seats);
      var choice = choose(candidates, taken, inFlight.of(event), request, attempts);
      for (int tries = 0; choice.isPresent() && tries < ATTEMPTS_PER_READ; tries++) {
        if (++attempts > BEST_AVAILABLE_ATTEMPTS) {
          throw new HoldRejections.NoAdjacentSeats(request.quantity());
        }
        if (claimInFlight(id, customer, terms, choice.get(), taken)) {
          return;
        }
        choice = choose(candidates, taken, inFlight.of(event), request, attempts);
      }
      if (choice.isEmpty()) {
        if (wholeScope) {
          throw new HoldRejections.NoAdjacentSeats(request.quantity());
        }
        seats = candidates.size() < seats ? Integer.MAX_VALUE : seats * 4;
      }
    }
    throw new HoldRejections.NoAdjacentSeats(request.quantity());
  }

  /**
   * Claims the chosen seats, shown to this instance's other choosers while it does; returns whether
   * it got them, else adds the seats it could not get to {@code taken}.
   */
  private boolean claimInFlight(
      HoldId id, AccountId customer, SaleTerms terms, List<UUID> choice, Set<UUID> taken) {
    var event = terms.eventId();
    inFlight.claiming(event, choice);
    boolean claimed = false;
    try {
      var unavailable = tryClaimSeats(id, customer, terms, choice);
      taken.addAll(unavailable);
      claimed = unavailable.isEmpty();
      return claimed;
    } finally {
      if (claimed) {
        inFlight.overWithTransaction(event, choice);
      } else {
        inFlight.over(event, choice);
      }
    }
  }

  /**
   * The best block, leaving out seats others of this instance are claiming at this moment (unless
   * that leaves none: their claims may yet fail). For a first attempt the best block; after {@code
   * failed} attempts lost their block to others buying at the same moment, one of the best 2, 4, 8,
   * then 16 at random (see {@link BestAvailable#choose(List, int, int,
   * java.util.random.RandomGenerator)}).
   */
  private static Optional<List<UUID>> choose(
      List<BestAvailable.Seat> seats,
      Set<UUID> taken,
      Set<UUID> busy,
      HoldRequest.BestAvailable request,
      int failed) {
    var free =
        taken.isEmpty() ? seats : seats.stream().filter(s -> !taken.contains(s.seatId())).toList();
    int among = 1 << Math.min(failed, 4);
    if (!busy.isEmpty()) {
      var choice =
          BestAvailable.choose(
              free.stream().filter(s -> !busy.contains(s.seatId())).toList(),
              request.quantity(),
              among,
              ThreadLocalRandom.current());
      if (choice.isPresent()) {
        return choice;
      }
    }
    return BestAvailable.choose(free, request.quantity(), among, ThreadLocalRandom.current());
  }

  static Money price(SaleTerms terms, UUID tierId) {
    return terms
        .tier(tierId)
        .map(PriceTier::price)
        .orElseThrow(() -> new IllegalStateException("unpriced tier " + tierId));
  }
}
