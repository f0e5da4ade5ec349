package io.boxoffice.checkout.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.boxoffice.catalog.EventId;
import io.boxoffice.checkout.OrderId;
import io.boxoffice.checkout.OrderStatus;
import io.boxoffice.checkout.internal.payment.simulated.SimulatedLedger;
import io.boxoffice.identity.AccountId;
import io.boxoffice.inventory.HoldRequest;
import io.boxoffice.inventory.Inventory;
import io.boxoffice.test.TestApplications;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The crash matrix: for each named point, an application runs a purchase until it "dies" there (and
 * everything it was still doing dies with it); then a new application on the same database and the
 * same payment provider must bring every order to a terminal state, with no repair, and leave money
 * and tickets consistent.
 */
class CrashRecoveryTest {

  private record Scenario(String point, String card, boolean refundAfterwards) {}

  private static final List<Scenario> SCENARIOS =
      List.of(
          new Scenario(CrashPoints.AFTER_ORDER_CREATED, "tok_ok", false),
          new Scenario(CrashPoints.BEFORE_AUTHORIZE_SENT, "tok_ok", false),
          new Scenario(CrashPoints.AFTER_AUTHORIZE_SENT, "tok_ok", false),
          new Scenario(CrashPoints.AFTER_AUTHORIZE_SENT, "tok_declined", false),
          new Scenario(CrashPoints.AFTER_DECLINE_STORED, "tok_insufficient_funds", false),
          new Scenario(CrashPoints.AFTER_AUTHORIZATION_STORED, "tok_ok", false),
          new Scenario(CrashPoints.AFTER_CONFIRM_COMMITTED, "tok_ok", false),
          new Scenario(CrashPoints.BEFORE_CAPTURE_SENT, "tok_ok", false),
          new Scenario(CrashPoints.AFTER_CAPTURE_SENT, "tok_ok", false),
          new Scenario(CrashPoints.AFTER_VOID_SENT, "tok_capture_fails", false),
          new Scenario(CrashPoints.AFTER_REFUND_SENT, "tok_ok", true));

  private final List<ConfigurableApplicationContext> open = new ArrayList<>();

  private ConfigurableApplicationContext start(boolean recovery) {
    var app =
        TestApplications.start(
            Map.of(
                "boxoffice.checkout.recovery.enabled", String.valueOf(recovery),
                "boxoffice.checkout.recovery-interval", "200ms",
                "boxoffice.checkout.lease", "2s",
                "boxoffice.checkout.capture-attempts", "1"));
    open.add(app);
    return app;
  }

  @AfterEach
  void stopEverything() {
    open.forEach(ConfigurableApplicationContext::close);
    CrashPoints.reset();
  }

  @Test
  void afterACrashAtAnyPointEveryOrderEndsAndMoneyMatchesTickets() {
    var orders = new ArrayList<OrderId>();
    EventId event = null;
    AccountId organizer = null;
    for (var scenario : SCENARIOS) {
      CrashPoints.reset();
      var app = start(false);
      if (event == null) {
        organizer = TestApplications.organizer(app);
        event = TestApplications.eventOnSale(app, organizer, 4, 20, 0, null);
      }
      var customer = TestApplications.customers(app.getBean(JdbcTemplate.class), 1).getFirst();
      var hold =
          app.getBean(Inventory.class)
              .hold(customer, event, new HoldRequest.BestAvailable(2, null, null));
      var saga = app.getBean(PurchaseSaga.class);
      var repository = app.getBean(OrderRepository.class);
      if (scenario.refundAfterwards()) {
        var order = saga.place(customer, hold.id(), scenario.card());
        orders.add(order.id());
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> repository.find(order.id()).orElseThrow().status() == OrderStatus.COMPLETED);
        CrashPoints.arm(scenario.point());
        assertThatThrownBy(() -> saga.refund(order.id())).isInstanceOf(CrashPoints.Crash.class);
      } else {
        CrashPoints.arm(scenario.point());
        try {
          orders.add(saga.place(customer, hold.id(), scenario.card()).id());
        } catch (CrashPoints.Crash crash) {
          orders.add(repository.ofCustomer(customer, 1).getFirst().id());
        }
      }
      await().atMost(Duration.ofSeconds(10)).until(CrashPoints::crashed);
      app.close();
    }

    CrashPoints.reset();
    var survivor = start(true);
    var repository = survivor.getBean(OrderRepository.class);
    await()
        .atMost(Duration.ofMinutes(2))
        .untilAsserted(
            () ->
                assertThat(orders)
                    .allSatisfy(
                        id ->
                            assertThat(repository.find(id).orElseThrow().status().isTerminal())
                                .as(id.toString())
                                .isTrue()));

    var jdbc = survivor.getBean(JdbcTemplate.class);
    var ledger = new HashMap<String, SimulatedLedger.Payment>();
    SimulatedLedger.shared().payments().forEach(p -> ledger.put(p.orderRef(), p));
    for (var id : orders) {
      var order = repository.find(id).orElseThrow();
      int live =
          jdbc.queryForObject(
              "select count(*) from ticket where order_id = ? and status = 'LIVE'",
              Integer.class,
              id.value());
      var payment = ledger.get(id.toString());
      switch (order.status()) {
        case COMPLETED -> {
          assertThat(live).as("tickets of completed %s", id).isEqualTo(order.quantity());
          assertThat(payment.state())
              .as("payment of completed %s", id)
              .isEqualTo(SimulatedLedger.State.CAPTURED);
        }
        case REFUNDED -> {
          assertThat(live).isZero();
          assertThat(payment.state()).isEqualTo(SimulatedLedger.State.REFUNDED);
        }
        default -> {
          assertThat(live).as("tickets of %s %s", order.status(), id).isZero();
          if (payment != null) {
            assertThat(payment.state())
                .as("payment of %s %s", order.status(), id)
                .isEqualTo(SimulatedLedger.State.VOIDED);
          }
        }
      }
    }
    // no seat sold twice; sold seats are exactly the completed orders' tickets
    assertThat(
            jdbc.queryForObject(
                "select count(*) from (select seat_id from ticket where status = 'LIVE' and seat_id is not null"
                    + " group by event_id, seat_id having count(*) > 1) twice",
                Integer.class))
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from event_seat where event_id = ? and status = 'SOLD'",
                Integer.class,
                event.value()))
        .isEqualTo(
            jdbc.queryForObject(
                "select count(*) from ticket where event_id = ? and status = 'LIVE'",
                Integer.class,
                event.value()));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from event_seat where event_id = ? and status = 'HELD'"
                    + " and hold_id in (select id from hold where status = 'CHECKING_OUT')",
                Integer.class,
                event.value()))
        .isZero();
  }
}
