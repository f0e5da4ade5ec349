package io.boxoffice.checkout.internal;

import static io.boxoffice.test.TestCatalog.seatIds;
import static io.boxoffice.test.TestCatalog.seated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.boxoffice.checkout.OrderId;
import io.boxoffice.checkout.OrderStatus;
import io.boxoffice.checkout.internal.PaymentOperations.Operation;
import io.boxoffice.checkout.internal.payment.simulated.SimulatedLedger;
import io.boxoffice.test.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** Recovery runs by hand here, so each test decides what the provider shows and when. */
@TestPropertySource(properties = "boxoffice.checkout.recovery.enabled=false")
class LateResultsTest extends IntegrationTest {

  @Autowired OrderRecovery recovery;
  @Autowired OrderRepository orders;

  private String eventId;
  private List<UUID> seats;
  private String customer;

  @BeforeEach
  void anEvent() {
    eventId =
        catalog.onSale(accounts.organizer().token(), "Late", "Oslo", List.of(seated("A", 1, 6)));
    seats = seatIds(jdbc, eventId);
    customer = accounts.customer().token();
  }

  /** An order whose authorization the provider approved but whose answer is lost and not found. */
  private OrderId unansweredOrder(List<UUID> wanted) {
    var hold =
        api.post("/api/v1/events/" + eventId + "/holds", customer, Map.of("seats", wanted))
            .json()
            .get("holdId")
            .asString();
    var response =
        api.post(
            "/api/v1/orders",
            customer,
            Map.of("holdId", hold, "payment", Map.of("method", "card", "token", "tok_timeout")));
    assertThat(response.status()).isEqualTo(202);
    return new OrderId(UUID.fromString(response.json().get("orderId").asString()));
  }

  private String key(OrderId order) {
    return PaymentOperations.key(order, Operation.AUTHORIZE, 1);
  }

  private void closeThePaymentWindow(OrderId order) {
    jdbc.update(
        "update hold set expires_at = now() - interval '2 minutes', checkout_until = now() - interval '1 second'"
            + " where id = (select hold_id from customer_order where id = ?)",
        order.value());
    jdbc.update("update customer_order set next_action_at = now() where id = ?", order.value());
  }

  @Test
  void aLateApprovalSellsTheSameSeatsIfTheyAreStillFree() {
    var order = unansweredOrder(seats.subList(0, 2));
    var answer = SimulatedLedger.shared().hide(key(order)).orElseThrow();
    closeThePaymentWindow(order);

    recovery.recoverDue();
    assertThat(orders.find(order).orElseThrow().status()).isEqualTo(OrderStatus.DECLINED);
    assertThat(orders.find(order).orElseThrow().failureReason())
        .isEqualTo(LateResults.WINDOW_CLOSED);

    SimulatedLedger.shared().reveal(key(order), answer);
    recovery.recoverDue();

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> orders.find(order).orElseThrow().status() == OrderStatus.COMPLETED);
    assertThat(
            jdbc.queryForList(
                "select seat_id from ticket where order_id = ? and status = 'LIVE' order by seat_id",
                UUID.class,
                order.value()))
        .containsExactlyInAnyOrderElementsOf(seats.subList(0, 2));
  }

  @Test
  void aLateApprovalIsVoidedWhenTheSeatsWereSoldMeanwhile() {
    var order = unansweredOrder(seats.subList(0, 1));
    var answer = SimulatedLedger.shared().hide(key(order)).orElseThrow();
    closeThePaymentWindow(order);
    recovery.recoverDue();
    // someone else buys the seat in the meantime
    var other = accounts.customer().token();
    var hold =
        api.post(
            "/api/v1/events/" + eventId + "/holds", other, Map.of("seats", seats.subList(0, 1)));
    assertThat(hold.status()).isEqualTo(201);

    SimulatedLedger.shared().reveal(key(order), answer);
    recovery.recoverDue();

    var resolved = orders.find(order).orElseThrow();
    assertThat(resolved.status()).isEqualTo(OrderStatus.DECLINED);
    assertThat(resolved.failureReason()).isEqualTo(LateResults.VOIDED);
    assertVoidedWithoutTickets(order);
  }

  @Test
  void anApprovalWhoseSeatsCannotBeConfirmedIsStoredAndVoidedWithoutTickets() {
    var order = unansweredOrder(seats.subList(0, 2));
    // the hold is no longer being paid for when the approval is found: the seats cannot be sold
    jdbc.update(
        "update hold set status = 'EXPIRED', checkout_until = null where id = (select hold_id from customer_order where id = ?)",
        order.value());
    jdbc.update("update customer_order set next_action_at = now() where id = ?", order.value());

    recovery.recoverDue();

    var resolved = orders.find(order).orElseThrow();
    assertThat(resolved.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(resolved.failureReason()).isEqualTo("seats_unavailable");
    // the authorization was kept although confirming it was rolled back, and then voided
    assertThat(resolved.providerRef()).isNotNull();
    assertThat(
            jdbc.queryForList(
                "select operation || ' ' || status from payment_operation where order_id = ?"
                    + " order by operation",
                String.class,
                order.value()))
        .containsExactly("AUTHORIZE SUCCEEDED", "VOID SUCCEEDED");
    assertVoidedWithoutTickets(order);
  }

  /** The provider shows the order's authorization voided, and the order has no ticket at all. */
  private void assertVoidedWithoutTickets(OrderId order) {
    var payment =
        SimulatedLedger.shared().payments().stream()
            .filter(p -> p.orderRef().equals(order.toString()))
            .findFirst()
            .orElseThrow();
    assertThat(payment.state()).isEqualTo(SimulatedLedger.State.VOIDED);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from ticket where order_id = ?", Integer.class, order.value()))
        .isZero();
  }
}
