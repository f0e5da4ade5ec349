package io.boxoffice.checkout.internal;

import static io.boxoffice.test.TestCatalog.seated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.boxoffice.checkout.internal.Reconciliation.Kind;
import io.boxoffice.checkout.internal.payment.simulated.SimulatedLedger;
import io.boxoffice.shared.Money;
import io.boxoffice.test.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ReconciliationTest extends IntegrationTest {

  @Autowired Reconciliation reconciliation;

  private String eventId;
  private String customer;

  @BeforeEach
  void anEvent() {
    eventId =
        catalog.onSale(accounts.organizer().token(), "Books", "Oslo", List.of(seated("A", 2, 10)));
    customer = accounts.customer().token();
  }

  /** A completed purchase of one seat; returns the order id. */
  private String completedOrder(int seat, String card) {
    var orderId = catalog.buy(jdbc, customer, eventId, seat, card);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                List.of("COMPLETED", "CANCELLED")
                    .contains(
                        api.get("/api/v1/orders/" + orderId, customer)
                            .json()
                            .get("status")
                            .asString()));
    return orderId;
  }

  private List<Kind> mismatchesOf(String orderId) {
    return reconciliation.reconcile().stream()
        .filter(m -> orderId.equals(m.orderId()))
        .map(m -> m.kind())
        .toList();
  }

  private SimulatedLedger.Payment payment(String orderId) {
    return SimulatedLedger.shared().payments().stream()
        .filter(p -> p.orderRef().equals(orderId))
        .findFirst()
        .orElseThrow();
  }

  private void tamper(String orderId, SimulatedLedger.State state, long amount) {
    var p = payment(orderId);
    SimulatedLedger.shared()
        .tamper(
            new SimulatedLedger.Payment(
                p.ref(), p.orderRef(), Money.of(amount, "EUR"), state, p.captureFails()));
  }

  @Test
  void consistentBooksHaveNoMismatch() {
    var completed = completedOrder(0, "tok_ok");
    var cancelled = completedOrder(1, "tok_capture_fails");

    assertThat(mismatchesOf(completed)).isEmpty();
    assertThat(mismatchesOf(cancelled)).isEmpty();
  }

  @Test
  void reportsEveryKindOfMismatch() {
    var ticketsWithoutCapture = completedOrder(0, "tok_ok");
    tamper(ticketsWithoutCapture, SimulatedLedger.State.VOIDED, 5000);
    assertThat(mismatchesOf(ticketsWithoutCapture)).contains(Kind.TICKETS_WITHOUT_CAPTURE);

    var capturedWithoutTickets = completedOrder(1, "tok_capture_fails");
    tamper(capturedWithoutTickets, SimulatedLedger.State.CAPTURED, 5000);
    assertThat(mismatchesOf(capturedWithoutTickets)).contains(Kind.CAPTURED_WITHOUT_TICKETS);

    var openAuthorization = completedOrder(2, "tok_capture_fails");
    tamper(openAuthorization, SimulatedLedger.State.AUTHORIZED, 5000);
    assertThat(mismatchesOf(openAuthorization)).containsExactly(Kind.OPEN_AUTHORIZATION);

    var refund = completedOrder(3, "tok_ok");
    tamper(refund, SimulatedLedger.State.REFUNDED, 5000);
    assertThat(mismatchesOf(refund)).contains(Kind.REFUND_MISMATCH);

    var amount = completedOrder(4, "tok_ok");
    tamper(amount, SimulatedLedger.State.CAPTURED, 4999);
    assertThat(mismatchesOf(amount)).containsExactly(Kind.AMOUNT_MISMATCH);

    var stray = UUID.randomUUID().toString();
    SimulatedLedger.shared()
        .tamper(
            new SimulatedLedger.Payment(
                "sim_pi_stray",
                stray,
                Money.of(100, "EUR"),
                SimulatedLedger.State.CAPTURED,
                false));
    assertThat(mismatchesOf(stray)).containsExactly(Kind.PAYMENT_WITHOUT_ORDER);
    assertThat(api.get("/actuator/prometheus").body())
        .contains("boxoffice_reconciliation_mismatches{kind=\"payment_without_order\"}");
  }
}
