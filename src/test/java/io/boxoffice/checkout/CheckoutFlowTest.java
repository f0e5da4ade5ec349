package io.boxoffice.checkout;

import static io.boxoffice.test.TestCatalog.gaSection;
import static io.boxoffice.test.TestCatalog.generalAdmission;
import static io.boxoffice.test.TestCatalog.seatIds;
import static io.boxoffice.test.TestCatalog.seated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.boxoffice.checkout.internal.payment.simulated.SimulatedLedger;
import io.boxoffice.test.Api;
import io.boxoffice.test.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hold → order → tickets through the HTTP API, with each test card of API.md. */
class CheckoutFlowTest extends IntegrationTest {

  private String organizer;
  private String eventId;
  private List<UUID> seats;
  private String customer;

  @BeforeEach
  void anEventOnSale() {
    organizer = accounts.organizer().token();
    eventId = catalog.onSale(organizer, "Gala", "Oslo", List.of(seated("Stalls", 2, 10)));
    seats = seatIds(jdbc, eventId);
    customer = accounts.customer().token();
  }

  private String hold(String token, List<UUID> seats) {
    var response = api.post("/api/v1/events/" + eventId + "/holds", token, Map.of("seats", seats));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().get("holdId").asString();
  }

  private Api.Response order(String token, String holdId, String card) {
    return api.post(
        "/api/v1/orders",
        token,
        Map.of("holdId", holdId, "payment", Map.of("method", "card", "token", card)));
  }

  private String orderStatus(String orderId) {
    return api.get("/api/v1/orders/" + orderId, customer).json().get("status").asString();
  }

  private List<String> seatStatuses(List<UUID> ids) {
    return ids.stream()
        .map(
            id ->
                jdbc.queryForObject(
                    "select status from event_seat where event_id = ?::uuid and seat_id = ?",
                    String.class,
                    eventId,
                    id))
        .toList();
  }

  private SimulatedLedger.State ledgerState(String orderId) {
    return SimulatedLedger.shared().payments().stream()
        .filter(p -> p.orderRef().equals(orderId))
        .findFirst()
        .orElseThrow()
        .state();
  }

  @Test
  void aGoodCardBuysTheSeatsAndTheTicketsComeWithTheAnswer() {
    var holdId = hold(customer, seats.subList(0, 2));

    var response = order(customer, holdId, "tok_ok");

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    var order = response.json();
    var orderId = order.get("orderId").asString();
    assertThat(order.get("status").asString()).isIn("CONFIRMED", "CAPTURING", "COMPLETED");
    assertThat(order.get("tickets")).hasSize(2);
    assertThat(order.get("total").get("amount").asLong()).isEqualTo(10_000);
    assertThat(seatStatuses(seats.subList(0, 2))).containsOnly("SOLD");
    await().atMost(Duration.ofSeconds(10)).until(() -> orderStatus(orderId).equals("COMPLETED"));
    assertThat(ledgerState(orderId)).isEqualTo(SimulatedLedger.State.CAPTURED);
    assertThat(api.get("/api/v1/holds/" + holdId, customer).json().get("status").asString())
        .isEqualTo("CONFIRMED");
    assertThat(api.get("/api/v1/me/orders", customer).json()).hasSize(1);
    assertThat(api.get("/api/v1/orders/" + orderId, accounts.customer().token()).status())
        .isEqualTo(404);
  }

  @Test
  void generalAdmissionPlacesBecomeOneTicketEachOfTheirSection() {
    var standing =
        catalog.onSale(organizer, "Standing", "Oslo", List.of(generalAdmission("Floor", 50)));
    var floor = gaSection(jdbc, standing);
    var hold =
        api.post(
            "/api/v1/events/" + standing + "/holds",
            customer,
            Map.of("section", floor, "quantity", 3));
    assertThat(hold.status()).as(hold.body()).isEqualTo(201);

    var response = order(customer, hold.json().get("holdId").asString(), "tok_ok");

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    var orderId = response.json().get("orderId").asString();
    assertThat(response.json().get("tickets")).hasSize(3);
    assertThat(
            jdbc.queryForList(
                "select coalesce(seat_id::text, 'none') || ' ' || section_id || ' ' || status"
                    + " from ticket where order_id = ?::uuid",
                String.class,
                orderId))
        .containsExactly(
            "none " + floor + " LIVE", "none " + floor + " LIVE", "none " + floor + " LIVE");
    assertThat(
            jdbc.queryForObject(
                "select count(distinct barcode) from ticket where order_id = ?::uuid",
                Integer.class,
                orderId))
        .isEqualTo(3);
    assertThat(
            jdbc.queryForObject(
                "select sold from ga_inventory where event_id = ?::uuid", Integer.class, standing))
        .isEqualTo(3);
  }

  @Test
  void aDeclinedCardLeavesTheHoldActiveAndASecondCardWorks() {
    var holdId = hold(customer, seats.subList(0, 1));

    var declined = order(customer, holdId, "tok_declined");

    assertThat(declined.status()).isEqualTo(402);
    assertThat(declined.json().get("reason").asString()).isEqualTo("card_declined");
    assertThat(api.get("/api/v1/holds/" + holdId, customer).json().get("status").asString())
        .isEqualTo("ACTIVE");
    assertThat(order(customer, holdId, "tok_insufficient_funds").status()).isEqualTo(402);

    var second = order(customer, holdId, "tok_ok");
    assertThat(second.status()).isEqualTo(201);
    assertThat(
            jdbc.queryForList(
                "select idempotency_key from payment_operation where operation = 'AUTHORIZE' order by created_at",
                String.class))
        .hasSize(3)
        .doesNotHaveDuplicates();
  }

  @Test
  void aCaptureThatKeepsFailingCancelsThePurchaseAndCapturesNothing() {
    var holdId = hold(customer, seats.subList(0, 2));

    var response = order(customer, holdId, "tok_capture_fails");

    assertThat(response.status()).isEqualTo(201);
    var orderId = response.json().get("orderId").asString();
    await().atMost(Duration.ofSeconds(20)).until(() -> orderStatus(orderId).equals("CANCELLED"));
    assertThat(seatStatuses(seats.subList(0, 2))).containsOnly("AVAILABLE");
    assertThat(
            jdbc.queryForList(
                "select status from ticket where order_id = ?::uuid", String.class, orderId))
        .containsOnly("VOID");
    assertThat(ledgerState(orderId)).isEqualTo(SimulatedLedger.State.VOIDED);
  }

  @Test
  void aPaymentThatTimesOutIsResolvedByRecovery() {
    var holdId = hold(customer, seats.subList(0, 1));

    var response = order(customer, holdId, "tok_timeout");

    assertThat(response.status()).isEqualTo(202);
    var orderId = response.json().get("orderId").asString();
    assertThat(response.json().get("status").asString()).isEqualTo("AUTHORIZING");
    await().atMost(Duration.ofSeconds(20)).until(() -> orderStatus(orderId).equals("COMPLETED"));
    assertThat(seatStatuses(seats.subList(0, 1))).containsOnly("SOLD");
    assertThat(ledgerState(orderId)).isEqualTo(SimulatedLedger.State.CAPTURED);
  }

  @Test
  void anOrganizerRefundVoidsTheTicketsAndPutsTheSeatsBackOnSale() {
    var holdId = hold(customer, seats.subList(0, 2));
    var orderId = order(customer, holdId, "tok_ok").json().get("orderId").asString();
    await().atMost(Duration.ofSeconds(10)).until(() -> orderStatus(orderId).equals("COMPLETED"));

    assertThat(api.post("/api/v1/orders/" + orderId + "/refund", customer, Map.of()).status())
        .isEqualTo(403);
    assertThat(
            api.post(
                    "/api/v1/orders/" + orderId + "/refund", accounts.organizer().token(), Map.of())
                .status())
        .isEqualTo(404);
    var refunded = api.post("/api/v1/orders/" + orderId + "/refund", organizer, Map.of());

    assertThat(refunded.status()).as(refunded.body()).isEqualTo(200);
    assertThat(refunded.json().get("status").asString()).isEqualTo("REFUNDED");
    assertThat(seatStatuses(seats.subList(0, 2))).containsOnly("AVAILABLE");
    assertThat(refunded.json().get("tickets"))
        .allSatisfy(t -> assertThat(t.get("status").asString()).isEqualTo("VOID"));
    assertThat(ledgerState(orderId)).isEqualTo(SimulatedLedger.State.REFUNDED);
    assertThat(api.post("/api/v1/orders/" + orderId + "/refund", organizer, Map.of()).status())
        .isEqualTo(409);
  }

  @Test
  void cancellingTheEventRefundsEveryOrder() {
    var first =
        order(customer, hold(customer, seats.subList(0, 1)), "tok_ok")
            .json()
            .get("orderId")
            .asString();
    var second =
        order(customer, hold(customer, seats.subList(1, 3)), "tok_ok")
            .json()
            .get("orderId")
            .asString();

    var cancelled = api.post("/api/v1/events/" + eventId + "/cancel", organizer, Map.of());

    assertThat(cancelled.status()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> orderStatus(first).equals("REFUNDED") && orderStatus(second).equals("REFUNDED"));
    assertThat(seatStatuses(seats.subList(0, 3))).containsOnly("AVAILABLE");
    assertThat(ledgerState(first)).isEqualTo(SimulatedLedger.State.REFUNDED);
    assertThat(ledgerState(second)).isEqualTo(SimulatedLedger.State.REFUNDED);
    assertThat(
            jdbc.queryForObject("select count(*) from ticket where status = 'LIVE'", Integer.class))
        .isZero();
  }

  @Test
  void aCustomerCancelsWhereTheEventAllowsIt() {
    var orderId =
        order(customer, hold(customer, seats.subList(0, 1)), "tok_ok")
            .json()
            .get("orderId")
            .asString();
    await().atMost(Duration.ofSeconds(10)).until(() -> orderStatus(orderId).equals("COMPLETED"));

    var notAllowed = api.post("/api/v1/orders/" + orderId + "/cancel", customer, Map.of());
    assertThat(notAllowed.status()).isEqualTo(422);
    assertThat(notAllowed.json().get("type").asString()).endsWith("/cancellation-not-allowed");

    assertThat(
            api.patch(
                    "/api/v1/events/" + eventId, organizer, Map.of("customerCancellationHours", 48))
                .status())
        .isEqualTo(200);
    assertThat(
            api.post("/api/v1/orders/" + orderId + "/cancel", accounts.customer().token(), Map.of())
                .status())
        .isEqualTo(404);
    var cancelled = api.post("/api/v1/orders/" + orderId + "/cancel", customer, Map.of());
    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    assertThat(cancelled.json().get("status").asString()).isEqualTo("REFUNDED");
    assertThat(seatStatuses(seats.subList(0, 1))).containsOnly("AVAILABLE");
    assertThat(ledgerState(orderId)).isEqualTo(SimulatedLedger.State.REFUNDED);

    jdbc.update(
        "update event set customer_cancellation_hours = 24 * 20 where id = ?::uuid", eventId);
    var late =
        order(customer, hold(customer, seats.subList(1, 2)), "tok_ok")
            .json()
            .get("orderId")
            .asString();
    await().atMost(Duration.ofSeconds(10)).until(() -> orderStatus(late).equals("COMPLETED"));
    assertThat(api.post("/api/v1/orders/" + late + "/cancel", customer, Map.of()).status())
        .isEqualTo(422);
  }

  @Test
  void refusesOrdersThatCanNeverSucceed() {
    var holdId = hold(customer, seats.subList(0, 1));
    var stranger = accounts.customer().token();

    assertThat(order(stranger, holdId, "tok_ok").status()).isEqualTo(404);
    assertThat(
            api.post(
                    "/api/v1/orders",
                    customer,
                    Map.of("payment", Map.of("method", "card", "token", "tok_ok")))
                .status())
        .isEqualTo(400);
    assertThat(
            api.post(
                    "/api/v1/orders",
                    customer,
                    Map.of("holdId", holdId, "payment", Map.of("method", "cash", "token", "x")))
                .status())
        .isEqualTo(400);
    assertThat(order(customer, UUID.randomUUID().toString(), "tok_ok").status()).isEqualTo(404);

    jdbc.update(
        "update hold set expires_at = now() - interval '1 second' where id = ?::uuid", holdId);
    assertThat(order(customer, holdId, "tok_ok").status()).isEqualTo(422);
    assertThat(jdbc.queryForObject("select count(*) from customer_order", Integer.class)).isZero();
  }
}
