package io.boxoffice.sales;

import static io.boxoffice.test.TestCatalog.seated;
import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.test.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The organizer's live figures: exact counts after a purchase, a decline and a hold. */
class SalesApiTest extends IntegrationTest {

  @Test
  void theOwnerSeesStockOrdersRevenueAndPaymentSuccessAndNobodyElseDoes() {
    var organizer = accounts.organizer();
    var eventId = catalog.onSale(organizer.token(), "Figures", "Oslo", List.of(seated("A", 1, 10)));
    var buyer = accounts.customer();
    var paid = catalog.buy(jdbc, buyer.token(), eventId, 0, "tok_ok");
    catalog.awaitOrder(buyer.token(), paid, "COMPLETED");
    var unlucky = accounts.customer().token();
    var declinedHold =
        catalog.hold(unlucky, eventId, List.of(catalog.seatIds(jdbc, eventId).get(1)));
    assertThat(catalog.order(unlucky, declinedHold, "tok_declined").status()).isEqualTo(402);
    catalog.hold(
        accounts.customer().token(), eventId, List.of(catalog.seatIds(jdbc, eventId).get(2)));

    var sales = api.get("/api/v1/events/" + eventId + "/sales", organizer.token());
    assertThat(sales.status()).as(sales.body()).isEqualTo(200);
    var json = sales.json();
    assertThat(json.get("stock").get("sold").asInt()).isEqualTo(1);
    assertThat(json.get("stock").get("held").asInt())
        .isEqualTo(2); // the declined order's hold stays
    assertThat(json.get("stock").get("available").asInt()).isEqualTo(7);
    assertThat(json.get("revenue").get("amount").asLong()).isEqualTo(5000);
    assertThat(json.get("ticketsSold").asInt()).isEqualTo(1);
    assertThat(json.get("orders").get("COMPLETED").asInt()).isEqualTo(1);
    assertThat(json.get("orders").get("DECLINED").asInt()).isEqualTo(1);
    assertThat(json.get("paymentSuccess").asDouble()).isEqualTo(0.5);
    assertThat(json.get("ticketsPerMinute").get(0).get("tickets").asInt()).isEqualTo(1);
    assertThat(json.get("queue").isNull()).isTrue();

    assertThat(
            api.get("/api/v1/events/" + eventId + "/sales", accounts.organizer().token()).status())
        .as("another organizer")
        .isEqualTo(404);
    assertThat(api.get("/api/v1/events/" + eventId + "/sales", buyer.token()).status())
        .isEqualTo(403);
    assertThat(api.get("/api/v1/events/" + eventId + "/sales", null).status()).isEqualTo(401);
  }
}
