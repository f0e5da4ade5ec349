package io.boxoffice.inventory.internal;

import static io.boxoffice.test.TestCatalog.gaSection;
import static io.boxoffice.test.TestCatalog.generalAdmission;
import static io.boxoffice.test.TestCatalog.seatIds;
import static io.boxoffice.test.TestCatalog.seated;
import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.catalog.EventId;
import io.boxoffice.catalog.StockLevels.Stock;
import io.boxoffice.test.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Stock levels and the per-event seat gauges count only the places that are not available and
 * derive the rest from the event's seat count: the figures must still add up exactly.
 */
class PlacesByStateTest extends IntegrationTest {

  @Autowired InventoryRepository inventory;
  @Autowired InventoryMetrics metrics;

  @Test
  void heldSoldAndAvailablePlacesOfSeatsAndStandingAddUp() {
    var eventId =
        catalog.onSale(
            accounts.organizer().token(),
            "Counted",
            "Bergen",
            List.of(seated("A", 1, 6), generalAdmission("Floor", 10)));
    var event = new EventId(UUID.fromString(eventId));
    var seats = seatIds(jdbc, eventId);
    var holder = accounts.customer().token();
    var buyer = accounts.customer().token();

    assertThat(inventory.placesByState(List.of(event)))
        .isEqualTo(Map.of(event, Map.of("AVAILABLE", 16, "HELD", 0, "SOLD", 0)));

    hold(holder, eventId, Map.of("seats", seats.subList(0, 2)));
    hold(holder, eventId, Map.of("section", gaSection(jdbc, eventId), "quantity", 3));
    var bought = hold(buyer, eventId, Map.of("seats", seats.subList(2, 3)));
    assertThat(
            api.post(
                    "/api/v1/orders",
                    buyer,
                    Map.of(
                        "holdId", bought, "payment", Map.of("method", "card", "token", "tok_ok")))
                .status())
        .isEqualTo(201);

    assertThat(inventory.placesByState(List.of(event)))
        .isEqualTo(Map.of(event, Map.of("AVAILABLE", 10, "HELD", 5, "SOLD", 1)));
    assertThat(inventory.stock(List.of(event))).isEqualTo(Map.of(event, new Stock(16, 10)));

    metrics.refresh();
    assertThat(api.get("/actuator/prometheus").body())
        .contains(gauge(eventId, "available", 10))
        .contains(gauge(eventId, "held", 5))
        .contains(gauge(eventId, "sold", 1));
  }

  @Test
  void aDraftHasNoStockAndOnceItIsPublishedItsSeatsAreCounted() {
    var organizer = accounts.organizer().token();
    var venue = catalog.venue(organizer, "Drafted venue", "Bergen", List.of(seated("A", 2, 5)));
    var eventId =
        catalog.createEvent(organizer, catalog.eventBody(venue, "Drafted", catalog.inDays(5), 900));
    var event = new EventId(UUID.fromString(eventId));

    // read while a draft: no seats yet, and that must not be remembered
    assertThat(inventory.placesByState(List.of(event))).isEmpty();
    assertThat(inventory.stock(List.of(event))).isEmpty();

    catalog.publish(organizer, eventId);

    assertThat(inventory.placesByState(List.of(event)))
        .isEqualTo(Map.of(event, Map.of("AVAILABLE", 10, "HELD", 0, "SOLD", 0)));
    assertThat(inventory.stock(List.of(event))).isEqualTo(Map.of(event, new Stock(10, 10)));
  }

  private String hold(String token, String eventId, Map<String, Object> body) {
    var response = api.post("/api/v1/events/" + eventId + "/holds", token, body);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().get("holdId").asString();
  }

  private static String gauge(String eventId, String state, int places) {
    return "boxoffice_event_seats{event=\"" + eventId + "\",state=\"" + state + "\"} " + places;
  }
}
