package io.boxoffice.inventory;

import static io.boxoffice.test.TestCatalog.gaSection;
import static io.boxoffice.test.TestCatalog.generalAdmission;
import static io.boxoffice.test.TestCatalog.seatIds;
import static io.boxoffice.test.TestCatalog.seated;
import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.test.Api;
import io.boxoffice.test.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HoldApiTest extends IntegrationTest {

  private String eventId;
  private List<UUID> seats;
  private UUID floor;
  private String customer;

  @BeforeEach
  void anEventOnSaleWithTwoRowsAndAStandingArea() {
    eventId =
        catalog.onSale(
            accounts.organizer().token(),
            "Concert",
            "Oslo",
            List.of(seated("Stalls", 2, 6), generalAdmission("Standing", 50)));
    seats = seatIds(jdbc, eventId);
    floor = gaSection(jdbc, eventId);
    customer = accounts.customer().token();
  }

  private Api.Response hold(String token, Map<String, ?> body) {
    return api.post("/api/v1/events/" + eventId + "/holds", token, body);
  }

  private String seatStatus(UUID seat) {
    return jdbc.queryForObject(
        "select status from event_seat where event_id = ?::uuid and seat_id = ?",
        String.class,
        eventId,
        seat);
  }

  @Test
  void holdsNamedSeatsUntilAServerSideExpiry() {
    var before = Instant.now();
    var response = hold(customer, Map.of("seats", List.of(seats.get(0), seats.get(1))));

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    var hold = response.json();
    assertThat(hold.get("status").asString()).isEqualTo("ACTIVE");
    assertThat(hold.get("items")).hasSize(2);
    assertThat(hold.get("total").get("amount").asLong()).isEqualTo(10_000);
    var expiresAt = Instant.parse(hold.get("expiresAt").asString());
    assertThat(expiresAt)
        .isBetween(before.plus(Duration.ofSeconds(590)), before.plus(Duration.ofSeconds(610)));
    assertThat(response.header("Location"))
        .hasValue("/api/v1/holds/" + hold.get("holdId").asString());
    assertThat(seatStatus(seats.get(0))).isEqualTo("HELD");
    assertThat(
            api.get("/api/v1/events/" + eventId + "/availability").json().get("unavailableSeats"))
        .hasSize(2);
  }

  @Test
  void aTakenSeatFailsTheWholeRequestAndNamesTheSeat() {
    hold(accounts.customer().token(), Map.of("seats", List.of(seats.get(2))));

    var response =
        hold(customer, Map.of("seats", List.of(seats.get(1), seats.get(2), seats.get(3))));

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.contentType()).isEqualTo("application/problem+json");
    assertThat(response.json().get("unavailableSeats")).hasSize(1);
    assertThat(response.json().get("unavailableSeats").get(0).asString())
        .isEqualTo(seats.get(2).toString());
    assertThat(seatStatus(seats.get(1))).isEqualTo("AVAILABLE");
    assertThat(seatStatus(seats.get(3))).isEqualTo("AVAILABLE");
    assertThat(jdbc.queryForObject("select count(*) from hold", Integer.class)).isEqualTo(1);
  }

  @Test
  void onlyTheOwnerSeesOrReleasesAHold() {
    var holdId =
        hold(customer, Map.of("seats", List.of(seats.get(0)))).json().get("holdId").asString();
    var stranger = accounts.customer().token();

    assertThat(api.get("/api/v1/holds/" + holdId, stranger).status()).isEqualTo(404);
    assertThat(api.send(api.request("/api/v1/holds/" + holdId, stranger).DELETE()).status())
        .isEqualTo(404);
    assertThat(api.get("/api/v1/holds/" + holdId, customer).json().get("status").asString())
        .isEqualTo("ACTIVE");
    assertThat(api.get("/api/v1/holds/" + holdId).status()).isEqualTo(401);

    var released = api.send(api.request("/api/v1/holds/" + holdId, customer).DELETE());
    assertThat(released.status()).isEqualTo(204);
    assertThat(api.get("/api/v1/holds/" + holdId, customer).json().get("status").asString())
        .isEqualTo("RELEASED");
    assertThat(seatStatus(seats.get(0))).isEqualTo("AVAILABLE");
    assertThat(api.send(api.request("/api/v1/holds/" + holdId, customer).DELETE()).status())
        .isEqualTo(204);
  }

  @Test
  void holdsGeneralAdmissionPlacesByQuantity() {
    var response = hold(customer, Map.of("section", floor, "quantity", 4));

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    assertThat(response.json().get("items").get(0).get("quantity").asInt()).isEqualTo(4);
    assertThat(response.json().get("total").get("amount").asLong()).isEqualTo(20_000);
    assertThat(
            jdbc.queryForMap(
                "select held, sold from ga_inventory where event_id = ?::uuid", eventId))
        .containsEntry("held", 4)
        .containsEntry("sold", 0);
    var area = api.get("/api/v1/events/" + eventId + "/availability").json().get("areas").get(0);
    assertThat(area.get("remaining").asInt()).isEqualTo(46);
  }

  @Test
  void theEventsShownStockFollowsHoldsWithinASecond() {
    var total = remainingShown();
    assertThat(hold(customer, Map.of("section", floor, "quantity", 3)).status()).isEqualTo(201);

    // read at most once a second per event: the count may lag a hold by that much, never more
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(3))
        .untilAsserted(() -> assertThat(remainingShown()).isEqualTo(total - 3));
  }

  private int remainingShown() {
    return api.get("/api/v1/events/" + eventId).json().get("availability").get("remaining").asInt();
  }

  @Test
  void bestAvailablePicksAdjacentSeatsInTheFrontRow() {
    var response = hold(customer, Map.of("bestAvailable", Map.of("quantity", 3)));

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    var held = response.json().get("items");
    assertThat(held).hasSize(3);
    var rows =
        jdbc.queryForList(
            "select distinct row_index from event_seat where hold_id = ?::uuid",
            Integer.class,
            response.json().get("holdId").asString());
    assertThat(rows).containsExactly(0);
  }

  @Test
  void bestAvailableSaysSoWhenNoBlockIsLeft() {
    // leave only every other seat of both rows free
    for (int i = 0; i < seats.size(); i += 2) {
      assertThat(hold(accounts.customer().token(), Map.of("seats", List.of(seats.get(i)))).status())
          .isEqualTo(201);
    }

    var response = hold(customer, Map.of("bestAvailable", Map.of("quantity", 2)));

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.json().get("type").asString()).endsWith("/no-adjacent-seats");
  }

  @Test
  void refusesRequestsThatCanNeverSucceed() {
    var otherEvent =
        catalog.onSale(accounts.organizer().token(), "Other", "Oslo", List.of(seated("A", 1, 2)));
    var foreignSeat = seatIds(jdbc, otherEvent).getFirst();
    var stalls =
        jdbc.queryForObject(
            "select distinct section_id from event_seat where event_id = ?::uuid",
            UUID.class,
            eventId);

    assertUnprocessable(hold(customer, Map.of("seats", List.of(foreignSeat))), "unknown-seats");
    assertUnprocessable(
        hold(customer, Map.of("seats", List.of(UUID.randomUUID()))), "unknown-seats");
    assertUnprocessable(
        hold(customer, Map.of("seats", List.of(seats.get(0), seats.get(0)))), "duplicate-seats");
    assertUnprocessable(hold(customer, Map.of("seats", List.of())), "invalid-quantity");
    assertUnprocessable(hold(customer, Map.of("seats", seats.subList(0, 11))), "invalid-quantity");
    assertUnprocessable(
        hold(customer, Map.of("section", floor, "quantity", 0)), "invalid-quantity");
    assertUnprocessable(
        hold(customer, Map.of("section", floor, "quantity", -3)), "invalid-quantity");
    assertUnprocessable(
        hold(customer, Map.of("section", stalls, "quantity", 2)), "not-general-admission");
    assertUnprocessable(
        hold(customer, Map.of("section", UUID.randomUUID(), "quantity", 2)), "unknown-section");
    assertUnprocessable(
        hold(customer, Map.of("bestAvailable", Map.of("quantity", 2, "tier", UUID.randomUUID()))),
        "unknown-tier");
    assertThat(
            hold(customer, Map.of("seats", List.of(seats.get(0)), "section", floor, "quantity", 1))
                .status())
        .isEqualTo(400);
    assertThat(hold(customer, Map.of()).status()).isEqualTo(400);
    assertThat(
            api.post(
                    "/api/v1/events/" + UUID.randomUUID() + "/holds",
                    customer,
                    Map.of("seats", List.of(seats.get(0))))
                .status())
        .isEqualTo(404);
    assertThat(jdbc.queryForObject("select count(*) from hold", Integer.class)).isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from event_seat where status <> 'AVAILABLE'", Integer.class))
        .isZero();
  }

  @Test
  void refusesHoldsOutsideTheSaleWindow() {
    jdbc.update(
        "update event set on_sale_at = now() + interval '1 day' where id = ?::uuid", eventId);
    assertUnprocessable(hold(customer, Map.of("seats", List.of(seats.get(0)))), "not-on-sale");

    jdbc.update(
        "update event set on_sale_at = now() - interval '2 days',"
            + " off_sale_at = now() - interval '1 day' where id = ?::uuid",
        eventId);
    assertUnprocessable(hold(customer, Map.of("seats", List.of(seats.get(0)))), "not-on-sale");

    jdbc.update(
        "update event set off_sale_at = now() + interval '1 day', lifecycle = 'CANCELLED'"
            + " where id = ?::uuid",
        eventId);
    assertUnprocessable(hold(customer, Map.of("seats", List.of(seats.get(0)))), "not-on-sale");
  }

  @Test
  void enforcesThePerCustomerLimitAcrossHolds() {
    jdbc.update("update event set max_tickets_per_customer = 4 where id = ?::uuid", eventId);
    assertThat(hold(customer, Map.of("seats", seats.subList(0, 3))).status()).isEqualTo(201);

    var over = hold(customer, Map.of("seats", seats.subList(3, 5)));

    assertUnprocessable(over, "ticket-limit");
    assertThat(over.json().get("limit").asInt()).isEqualTo(4);
    assertThat(hold(customer, Map.of("seats", seats.subList(3, 4))).status()).isEqualTo(201);
  }

  private static void assertUnprocessable(Api.Response response, String type) {
    assertThat(response.status()).as(response.body()).isEqualTo(422);
    assertThat(response.json().get("type").asString()).endsWith("/" + type);
  }
}
