package io.boxoffice.loadtest.check;

import io.boxoffice.loadtest.history.Operation;
import io.boxoffice.loadtest.history.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The invariants, each a function of the history and the final database state. A check reports only
 * what must be wrong: where the client cannot know (an {@code unknown} outcome), it gives the
 * server the benefit of the doubt.
 */
public final class Checks {

  /** How late the sweeper may release an expired hold. */
  static final Duration RELEASE_GRACE = Duration.ofSeconds(5);

  static final Set<String> PAID = Set.of("CONFIRMED", "CAPTURING", "COMPLETED");
  static final Set<String> UNSETTLED =
      Set.of(
          "AUTHORIZING",
          "AUTHORIZED",
          "CONFIRMED",
          "CAPTURING",
          "VOIDING",
          "COMPENSATING",
          "REFUNDING");

  /** Every check, in the order reported. */
  public static final List<String> NAMES =
      List.of(
          "seat-sold-twice",
          "seat-held-twice",
          "ga-oversold",
          "seat-state",
          "acknowledged-hold-missing",
          "acknowledged-order-missing",
          "unacknowledged-hold",
          "unacknowledged-order",
          "ticket-without-capture",
          "capture-without-tickets",
          "hold-not-released",
          "customer-limit",
          "order-not-settled");

  private Checks() {}

  public static List<Violation> all(List<Operation> history, DbState db) {
    var acknowledged = AcknowledgedHolds.of(history);
    var violations = new ArrayList<Violation>();
    violations.addAll(seatsSoldTwice(acknowledged, db));
    violations.addAll(seatsHeldTwice(acknowledged));
    violations.addAll(generalAdmissionOversold(acknowledged, db));
    violations.addAll(seatStates(db));
    violations.addAll(acknowledgedHoldsMissing(acknowledged, db));
    violations.addAll(acknowledgedOrdersMissing(acknowledged, db));
    violations.addAll(unacknowledgedWrites(history, db));
    violations.addAll(ticketsWithoutCapture(db));
    violations.addAll(capturesWithoutTickets(db));
    violations.addAll(holdsNotReleased(db));
    violations.addAll(customerLimits(db));
    violations.addAll(unsettledOrders(db));
    return violations;
  }

  /** In the database (confirmed holds, live tickets) and in what buyers were told (orders). */
  static List<Violation> seatsSoldTwice(AcknowledgedHolds acknowledged, DbState db) {
    var violations = new ArrayList<Violation>();
    var confirmedHoldsBySeat = new HashMap<UUID, List<UUID>>();
    db.holdSeats()
        .forEach(
            (hold, seats) -> {
              if ("CONFIRMED".equals(db.holds().get(hold).status())) {
                seats.forEach(
                    seat ->
                        confirmedHoldsBySeat
                            .computeIfAbsent(seat, s -> new ArrayList<>())
                            .add(hold));
              }
            });
    confirmedHoldsBySeat.forEach(
        (seat, holds) -> {
          if (holds.size() > 1) {
            violations.add(
                new Violation(
                    "seat-sold-twice", "seat " + seat + " is in confirmed holds " + holds));
          }
        });
    db.duplicateTickets().forEach(d -> violations.add(new Violation("seat-sold-twice", d)));
    var paidBySeat = new HashMap<String, List<String>>();
    for (var hold : acknowledged.paid()) {
      for (var seat : hold.seats()) {
        paidBySeat.computeIfAbsent(seat, s -> new ArrayList<>()).add(hold.holdId());
      }
    }
    paidBySeat.forEach(
        (seat, holds) -> {
          if (holds.size() > 1) {
            violations.add(
                new Violation(
                    "seat-sold-twice",
                    "seat "
                        + seat
                        + " was sold to the buyers of holds "
                        + holds
                        + " (orders 201)"));
          }
        });
    return violations;
  }

  /**
   * Two acknowledged holds on one seat that were both surely live at the same moment. A hold is
   * surely live from its 201 until it expires or its owner starts releasing it, and for good once
   * an order for it was answered 201.
   */
  static List<Violation> seatsHeldTwice(AcknowledgedHolds acknowledged) {
    var bySeat = new HashMap<String, List<AcknowledgedHolds.Hold>>();
    for (var hold : acknowledged.all()) {
      hold.seats().forEach(seat -> bySeat.computeIfAbsent(seat, s -> new ArrayList<>()).add(hold));
    }
    var violations = new ArrayList<Violation>();
    bySeat.forEach(
        (seat, holds) -> {
          for (int i = 0; i < holds.size(); i++) {
            for (int j = i + 1; j < holds.size(); j++) {
              var a = holds.get(i);
              var b = holds.get(j);
              if (Math.max(a.liveFrom(), b.liveFrom()) < Math.min(a.liveUntil(), b.liveUntil())) {
                violations.add(
                    new Violation(
                        "seat-held-twice",
                        "seat %s was granted to holds %s and %s at overlapping times"
                            .formatted(seat, a.holdId(), b.holdId())));
              }
            }
          }
        });
    return violations;
  }

  static List<Violation> generalAdmissionOversold(AcknowledgedHolds acknowledged, DbState db) {
    var violations = new ArrayList<Violation>();
    for (var counter : db.gaCounters()) {
      var holds =
          db.holds().values().stream()
              .filter(h -> counter.section().equals(h.gaSection()))
              .filter(h -> counter.event().equals(h.event()))
              .toList();
      int sold = sum(holds, "CONFIRMED");
      int held = sum(holds, "ACTIVE") + sum(holds, "CHECKING_OUT");
      if (counter.held() + counter.sold() > counter.capacity()) {
        violations.add(
            new Violation(
                "ga-oversold",
                "section %s: held %d + sold %d > capacity %d"
                    .formatted(
                        counter.section(), counter.held(), counter.sold(), counter.capacity())));
      }
      if (sold != counter.sold() || held != counter.held()) {
        violations.add(
            new Violation(
                "ga-oversold",
                "section %s counts held %d / sold %d but its holds add up to %d / %d"
                    .formatted(counter.section(), counter.held(), counter.sold(), held, sold)));
      }
      int paid =
          acknowledged.paid().stream()
              .filter(h -> counter.section().toString().equals(h.section()))
              .mapToInt(AcknowledgedHolds.Hold::quantity)
              .sum();
      if (paid > counter.capacity()) {
        violations.add(
            new Violation(
                "ga-oversold",
                "section %s: buyers were told they have %d places of %d"
                    .formatted(counter.section(), paid, counter.capacity())));
      }
    }
    return violations;
  }

  private static int sum(Collection<DbState.Hold> holds, String status) {
    return holds.stream()
        .filter(h -> h.status().equals(status))
        .mapToInt(DbState.Hold::quantity)
        .sum();
  }

  static List<Violation> seatStates(DbState db) {
    return db.seatTroubles().stream().map(t -> new Violation("seat-state", t)).toList();
  }

  static List<Violation> acknowledgedHoldsMissing(AcknowledgedHolds acknowledged, DbState db) {
    var violations = new ArrayList<Violation>();
    for (var ack : acknowledged.all()) {
      var stored = db.holds().get(UUID.fromString(ack.holdId()));
      String problem = null;
      if (stored == null) {
        problem = "is not in the database";
      } else if (!stored.customer().toString().equals(ack.customer())
          || !stored.event().toString().equals(ack.event())) {
        problem = "belongs to another customer or event";
      } else if (stored.quantity() != ack.quantity()) {
        problem = "has " + stored.quantity() + " places, " + ack.quantity() + " acknowledged";
      } else if (!ack.seats().isEmpty()
          && !seatStrings(db.holdSeats().get(stored.id())).equals(Set.copyOf(ack.seats()))) {
        problem = "has other seats than acknowledged";
      }
      if (problem != null) {
        violations.add(
            new Violation("acknowledged-hold-missing", "hold " + ack.holdId() + " " + problem));
      }
    }
    return violations;
  }

  private static Set<String> seatStrings(Set<UUID> seats) {
    return seats == null
        ? Set.of()
        : seats.stream().map(UUID::toString).collect(Collectors.toSet());
  }

  static List<Violation> acknowledgedOrdersMissing(AcknowledgedHolds acknowledged, DbState db) {
    var violations = new ArrayList<Violation>();
    for (var hold : acknowledged.paid()) {
      var order = db.orders().get(UUID.fromString(hold.orderId()));
      var stored = db.holds().get(UUID.fromString(hold.holdId()));
      String problem = null;
      if (order == null) {
        problem = "is not in the database";
      } else if (!order.hold().toString().equals(hold.holdId())) {
        problem = "is for another hold";
      } else if (!PAID.contains(order.status())) {
        problem = "is " + order.status();
      } else if (stored == null || !"CONFIRMED".equals(stored.status())) {
        problem = "has a hold that is not CONFIRMED";
      } else if (db.liveTickets().getOrDefault(order.id(), 0) != order.quantity()) {
        problem =
            "has %d live tickets for %d places"
                .formatted(db.liveTickets().getOrDefault(order.id(), 0), order.quantity());
      }
      if (problem != null) {
        violations.add(
            new Violation("acknowledged-order-missing", "order " + hold.orderId() + " " + problem));
      }
    }
    return violations;
  }

  /**
   * Holds and orders in the database that no request can account for: a customer has more of them
   * than requests answered 201 or left unknown (402 also creates a declined order).
   */
  static List<Violation> unacknowledgedWrites(List<Operation> history, DbState db) {
    var violations = new ArrayList<Violation>();
    var holdsAllowed = allowedWrites(history, "hold", Set.of());
    var ordersAllowed = allowedWrites(history, "order", Set.of(402));
    countBy(db.holds().values().stream().map(h -> h.customer().toString()).toList())
        .forEach(
            (customer, count) -> {
              if (count > holdsAllowed.getOrDefault(customer, 0)) {
                violations.add(
                    new Violation(
                        "unacknowledged-hold",
                        "customer %s has %d holds, %d requests could have made one"
                            .formatted(customer, count, holdsAllowed.getOrDefault(customer, 0))));
              }
            });
    countBy(db.orders().values().stream().map(o -> o.customer().toString()).toList())
        .forEach(
            (customer, count) -> {
              if (count > ordersAllowed.getOrDefault(customer, 0)) {
                violations.add(
                    new Violation(
                        "unacknowledged-order",
                        "customer %s has %d orders, %d requests could have made one"
                            .formatted(customer, count, ordersAllowed.getOrDefault(customer, 0))));
              }
            });
    return violations;
  }

  private static Map<String, Integer> allowedWrites(
      List<Operation> history, String op, Set<Integer> refusalsThatWrite) {
    return countBy(
        history.stream()
            .filter(o -> o.op().equals(op))
            .filter(o -> o.outcome() != Outcome.FAIL || refusalsThatWrite.contains(o.status()))
            .map(o -> o.requestText("customer"))
            .filter(Objects::nonNull)
            .toList());
  }

  private static Map<String, Integer> countBy(List<String> keys) {
    var counts = new HashMap<String, Integer>();
    keys.forEach(k -> counts.merge(k, 1, Integer::sum));
    return counts;
  }

  static List<Violation> ticketsWithoutCapture(DbState db) {
    var violations = new ArrayList<Violation>();
    db.liveTickets()
        .forEach(
            (order, live) -> {
              if (live > 0 && !db.captured().contains(order)) {
                violations.add(
                    new Violation(
                        "ticket-without-capture",
                        "order %s has %d live tickets and no successful capture"
                            .formatted(order, live)));
              }
            });
    return violations;
  }

  static List<Violation> capturesWithoutTickets(DbState db) {
    var violations = new ArrayList<Violation>();
    for (var order : db.captured()) {
      if (db.refunded().contains(order)) {
        continue;
      }
      var stored = db.orders().get(order);
      int live = db.liveTickets().getOrDefault(order, 0);
      if (stored == null || live != stored.quantity()) {
        violations.add(
            new Violation(
                "capture-without-tickets",
                "order %s was captured and has %d live tickets for %s places"
                    .formatted(order, live, stored == null ? "?" : stored.quantity())));
      }
    }
    return violations;
  }

  /** Expired holds must give their seats back within their TTL plus {@link #RELEASE_GRACE}. */
  static List<Violation> holdsNotReleased(DbState db) {
    var violations = new ArrayList<Violation>();
    for (var hold : db.holds().values()) {
      var deadline = hold.expiresAt().plus(RELEASE_GRACE);
      boolean late =
          switch (hold.status()) {
            case "EXPIRED" -> hold.endedAt().isAfter(deadline);
            case "ACTIVE" -> db.checkedAt().isAfter(deadline);
            default -> false;
          };
      if (late) {
        violations.add(
            new Violation(
                "hold-not-released",
                "hold %s expired at %s and was %s"
                    .formatted(
                        hold.id(),
                        hold.expiresAt(),
                        hold.endedAt() == null
                            ? "still ACTIVE at " + db.checkedAt()
                            : "released at " + hold.endedAt())));
      }
    }
    return violations;
  }

  /**
   * At the moment each hold was created, the customer's live holds for the event (itself included)
   * add up to at most the limit. A hold counts from its creation until it expires or ends; a bought
   * or paying one for good.
   */
  static List<Violation> customerLimits(DbState db) {
    var byCustomer = new HashMap<List<UUID>, List<DbState.Hold>>();
    for (var hold : db.holds().values()) {
      byCustomer
          .computeIfAbsent(List.of(hold.event(), hold.customer()), k -> new ArrayList<>())
          .add(hold);
    }
    var violations = new ArrayList<Violation>();
    byCustomer.forEach(
        (key, holds) -> {
          int limit = db.events().get(key.get(0)).maxTicketsPerCustomer();
          int worst = 0;
          Instant when = null;
          for (var hold : holds) {
            var at = hold.createdAt();
            int live =
                holds.stream()
                    .filter(h -> !h.createdAt().isAfter(at) && countsUntil(h).isAfter(at))
                    .mapToInt(DbState.Hold::quantity)
                    .sum();
            if (live > worst) {
              worst = live;
              when = at;
            }
          }
          if (worst > limit) {
            violations.add(
                new Violation(
                    "customer-limit",
                    "customer %s had %d tickets of event %s at %s; the limit is %d"
                        .formatted(key.get(1), worst, key.get(0), when, limit)));
          }
        });
    return violations;
  }

  private static Instant countsUntil(DbState.Hold hold) {
    return switch (hold.status()) {
      case "CONFIRMED", "CHECKING_OUT" -> Instant.MAX;
      case "RELEASED" ->
          hold.endedAt() == null || hold.endedAt().isAfter(hold.expiresAt())
              ? hold.expiresAt()
              : hold.endedAt();
      default -> hold.expiresAt();
    };
  }

  static List<Violation> unsettledOrders(DbState db) {
    return db.orders().values().stream()
        .filter(o -> UNSETTLED.contains(o.status()))
        .map(
            o ->
                new Violation(
                    "order-not-settled",
                    "order %s is still %s after the settling time".formatted(o.id(), o.status())))
        .toList();
  }
}
