package io.boxoffice.loadtest.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.loadtest.history.Operation;
import io.boxoffice.loadtest.history.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each invariant on a small, hand-made history and database state. */
class ChecksTest {

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  private static final UUID EVENT = UUID.randomUUID();
  private static final UUID ALICE = UUID.randomUUID();
  private static final UUID BOB = UUID.randomUUID();

  private final List<Operation> history = new ArrayList<>();
  private final Map<UUID, DbState.Hold> holds = new HashMap<>();
  private final Map<UUID, Set<UUID>> holdSeats = new HashMap<>();
  private final Map<UUID, DbState.Order> orders = new HashMap<>();
  private final Map<UUID, Integer> liveTickets = new HashMap<>();
  private final Set<UUID> captured = new HashSet<>();
  private final List<DbState.GaCounter> counters = new ArrayList<>();
  private Instant checkedAt = T0.plusSeconds(100);

  @Test
  void aPaidSeatWithTicketAndCaptureIsClean() {
    var seat = UUID.randomUUID();
    var hold = acknowledgedHold(ALICE, seat, 0);
    storeHold(hold, ALICE, "CONFIRMED", 1, seat);
    pay(hold, ALICE, 1, true);

    assertThat(violations()).isEmpty();
  }

  @Test
  void aSeatInTwoConfirmedHoldsIsSoldTwice() {
    var seat = UUID.randomUUID();
    var first = acknowledgedHold(ALICE, seat, 0);
    var second = acknowledgedHold(BOB, seat, 700);
    storeHold(first, ALICE, "CONFIRMED", 1, seat);
    storeHold(second, BOB, "CONFIRMED", 1, seat);
    pay(first, ALICE, 1, true);
    pay(second, BOB, 1, true);

    // the database (hold_seat) and the buyers' 201s both say so; both holds are live for good
    assertThat(checks())
        .containsExactlyInAnyOrder("seat-sold-twice", "seat-sold-twice", "seat-held-twice");
  }

  @Test
  void twoLiveAcknowledgedHoldsOnOneSeatAreHeldTwice() {
    var seat = UUID.randomUUID();
    storeHold(acknowledgedHold(ALICE, seat, 0), ALICE, "ACTIVE", 1, seat);
    storeHold(acknowledgedHold(BOB, seat, 10), BOB, "ACTIVE", 1, seat);

    assertThat(checks()).containsExactly("seat-held-twice");
  }

  @Test
  void aSeatResoldAfterItsHoldExpiredIsFine() {
    var seat = UUID.randomUUID();
    storeHold(acknowledgedHold(ALICE, seat, 0), ALICE, "EXPIRED", 1, seat);
    var resold = acknowledgedHold(BOB, seat, 700);
    storeHold(resold, BOB, "ACTIVE", 1, seat);
    holds.put(
        resold,
        new DbState.Hold(
            resold,
            EVENT,
            BOB,
            "ACTIVE",
            null,
            1,
            T0.plusSeconds(700),
            T0.plusSeconds(1300),
            null));
    checkedAt = T0.plusSeconds(800);

    assertThat(violations()).isEmpty();
  }

  @Test
  void anAcknowledgedHoldMissingFromTheDatabaseIsReported() {
    acknowledgedHold(ALICE, UUID.randomUUID(), 0);

    assertThat(checks()).containsExactly("acknowledged-hold-missing");
  }

  @Test
  void aHoldNobodyWasToldAboutIsReported() {
    var seat = UUID.randomUUID();
    history.add(operation(ALICE, "hold", Outcome.FAIL, 409, Map.of(), 0));
    storeHold(UUID.randomUUID(), ALICE, "ACTIVE", 1, seat);

    assertThat(checks()).containsExactly("unacknowledged-hold");
  }

  @Test
  void overTheLimitAtOnceIsAViolationButOneAfterAnotherIsNot() {
    for (int i = 0; i < 3; i++) {
      storeGaHold(BOB, "ACTIVE", 4, T0.plusSeconds(i), T0.plusSeconds(600));
      history.add(operation(BOB, "hold", Outcome.UNKNOWN, 0, Map.of(), 0));
    }
    storeGaHold(ALICE, "EXPIRED", 4, T0, T0.plusSeconds(60), T0.plusSeconds(61));
    storeGaHold(ALICE, "ACTIVE", 4, T0.plusSeconds(61), T0.plusSeconds(661));
    storeGaHold(ALICE, "ACTIVE", 4, T0.plusSeconds(62), T0.plusSeconds(662));
    for (int i = 0; i < 3; i++) {
      history.add(operation(ALICE, "hold", Outcome.UNKNOWN, 0, Map.of(), 0));
    }

    assertThat(violations())
        .singleElement()
        .satisfies(v -> assertThat(v.detail()).startsWith("customer " + BOB + " had 12 tickets"));
  }

  @Test
  void aHoldReleasedMoreThanFiveSecondsLateIsReported() {
    storeGaHold(ALICE, "EXPIRED", 1, T0, T0.plusSeconds(30), T0.plusSeconds(36));
    storeGaHold(ALICE, "EXPIRED", 1, T0, T0.plusSeconds(30), T0.plusSeconds(34));
    storeGaHold(ALICE, "ACTIVE", 1, T0, T0.plusSeconds(94), null);
    for (int i = 0; i < 3; i++) {
      history.add(operation(ALICE, "hold", Outcome.UNKNOWN, 0, Map.of(), 0));
    }

    // released 6 s late, and still active 6 s after expiry; 4 s late is within the grace
    assertThat(checks()).containsExactly("hold-not-released", "hold-not-released");
  }

  @Test
  void ticketsAndCapturesMustGoTogether() {
    var seat = UUID.randomUUID();
    var paidNotCaptured = acknowledgedHold(ALICE, seat, 0);
    storeHold(paidNotCaptured, ALICE, "CONFIRMED", 1, seat);
    pay(paidNotCaptured, ALICE, 1, false);
    var other = UUID.randomUUID();
    var capturedNoTickets = acknowledgedHold(BOB, other, 0);
    storeHold(capturedNoTickets, BOB, "CONFIRMED", 1, other);
    var order = pay(capturedNoTickets, BOB, 1, true);
    liveTickets.remove(order);

    assertThat(checks())
        .containsExactlyInAnyOrder(
            "ticket-without-capture", "capture-without-tickets", "acknowledged-order-missing");
  }

  @Test
  void aGaCounterThatDisagreesWithItsHoldsIsOversold() {
    var section = UUID.randomUUID();
    counters.add(new DbState.GaCounter(EVENT, section, 10, 0, 11));
    var hold = UUID.randomUUID();
    holds.put(
        hold,
        new DbState.Hold(
            hold, EVENT, ALICE, "CONFIRMED", section, 8, T0, T0.plusSeconds(60), null));
    history.add(operation(ALICE, "hold", Outcome.UNKNOWN, 0, Map.of(), 0));

    assertThat(checks()).containsExactly("ga-oversold", "ga-oversold");
  }

  private UUID acknowledgedHold(UUID customer, UUID seat, long atSeconds) {
    var hold = UUID.randomUUID();
    history.add(
        operation(
            customer,
            "hold",
            Outcome.OK,
            201,
            Map.of(
                "holdId", hold.toString(),
                "quantity", 1,
                "seats", List.of(seat.toString()),
                "expiresAt", T0.plusSeconds(atSeconds + 600).toString()),
            atSeconds));
    return hold;
  }

  private void storeHold(UUID hold, UUID customer, String status, int quantity, UUID seat) {
    holds.put(
        hold,
        new DbState.Hold(
            hold,
            EVENT,
            customer,
            status,
            null,
            quantity,
            T0,
            T0.plusSeconds(600),
            status.equals("EXPIRED") ? T0.plusSeconds(601) : null));
    holdSeats.put(hold, Set.of(seat));
  }

  private void storeGaHold(
      UUID customer, String status, int quantity, Instant created, Instant expires) {
    storeGaHold(customer, status, quantity, created, expires, null);
  }

  private void storeGaHold(
      UUID customer, String status, int quantity, Instant created, Instant expires, Instant ended) {
    var hold = UUID.randomUUID();
    holds.put(
        hold,
        new DbState.Hold(
            hold, EVENT, customer, status, UUID.randomUUID(), quantity, created, expires, ended));
  }

  private UUID pay(UUID hold, UUID customer, int quantity, boolean capture) {
    var order = UUID.randomUUID();
    history.add(
        operation(
            customer,
            "order",
            Outcome.OK,
            201,
            Map.of("orderId", order.toString(), "status", "CONFIRMED", "quantity", quantity),
            1,
            Map.of("holdId", hold.toString())));
    orders.put(order, new DbState.Order(order, customer, EVENT, hold, "COMPLETED", quantity));
    liveTickets.put(order, quantity);
    if (capture) {
      captured.add(order);
    }
    return order;
  }

  private static Operation operation(
      UUID customer,
      String op,
      Outcome outcome,
      int status,
      Map<String, Object> result,
      long atSeconds) {
    return operation(customer, op, outcome, status, result, atSeconds, Map.of());
  }

  private static Operation operation(
      UUID customer,
      String op,
      Outcome outcome,
      int status,
      Map<String, Object> result,
      long atSeconds,
      Map<String, Object> request) {
    var fields = new HashMap<String, Object>(request);
    fields.put("event", EVENT.toString());
    fields.put("customer", customer.toString());
    long micros = T0.plus(Duration.ofSeconds(atSeconds)).toEpochMilli() * 1000;
    return new Operation(
        0, op, fields, outcome, status, null, result, micros, micros, micros + 50_000);
  }

  private List<Violation> violations() {
    var db =
        new DbState(
            checkedAt,
            Map.of(EVENT, new DbState.EventTerms(8, 600)),
            holds,
            holdSeats,
            orders,
            liveTickets,
            captured,
            Set.of(),
            counters,
            List.of(),
            List.of());
    return Checks.all(history, db);
  }

  private List<String> checks() {
    return violations().stream().map(Violation::check).toList();
  }
}
