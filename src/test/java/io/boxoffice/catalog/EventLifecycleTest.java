package io.boxoffice.catalog;

import static io.boxoffice.test.TestCatalog.generalAdmission;
import static io.boxoffice.test.TestCatalog.seated;
import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.test.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventLifecycleTest extends IntegrationTest {

  @Test
  void aNewEventIsADraftVisibleOnlyToItsOrganizer() {
    var organizer = accounts.organizer();
    var venue = catalog.venue(organizer.token(), "Club", "Lyon", List.of(seated("Main", 2, 5)));
    var id =
        catalog.createEvent(
            organizer.token(), catalog.eventBody(venue, "Gig", catalog.inDays(5), 2500));

    var own = api.get("/api/v1/events/" + id, organizer.token());
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.json().get("status").asString()).isEqualTo("DRAFT");
    assertThat(own.json().get("holdTtlSeconds").asInt()).isEqualTo(600);
    assertThat(own.json().get("maxTicketsPerCustomer").asInt()).isEqualTo(8);
    assertThat(api.get("/api/v1/events/" + id).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/events/" + id, accounts.customer().token()).status())
        .isEqualTo(404);
    assertThat(api.get("/api/v1/events/" + id + "/seatmap").status()).isEqualTo(404);
    assertThat(api.get("/api/v1/events").json().get("totalItems").asInt()).isZero();
  }

  @Test
  void publishingTheFiftyThousandSeatStadiumMaterialisesEverySeatInOneGo() {
    var organizer = accounts.organizer();
    var sections = new ArrayList<Object>();
    for (int i = 1; i <= 16; i++) {
      sections.add(seated("Stand " + i, 25, 125));
    }
    sections.add(generalAdmission("Pitch", 2_000));
    var venue = catalog.venue(organizer.token(), "Stadium", "Madrid", sections);
    assertThat(venue.get("seatCount").asInt()).isEqualTo(50_000);
    var id =
        catalog.createEvent(
            organizer.token(), catalog.eventBody(venue, "Final", catalog.inDays(30), 9000));

    catalog.publish(organizer.token(), id);

    assertThat(
            jdbc.queryForObject(
                "select count(*) from event_seat where event_id = ?::uuid and status = 'AVAILABLE'",
                Integer.class,
                id))
        .isEqualTo(50_000);
    assertThat(
            jdbc.queryForMap(
                "select capacity, held, sold from ga_inventory where event_id = ?::uuid", id))
        .containsEntry("capacity", 2_000)
        .containsEntry("held", 0)
        .containsEntry("sold", 0);
    var event = api.get("/api/v1/events/" + id).json();
    assertThat(event.get("status").asString()).isEqualTo("ON_SALE");
    assertThat(event.get("availability").get("total").asInt()).isEqualTo(52_000);
    assertThat(event.get("availability").get("remaining").asInt()).isEqualTo(52_000);
    var availability = api.get("/api/v1/events/" + id + "/availability").json();
    assertThat(availability.get("seatsAvailable").asInt()).isEqualTo(50_000);
    assertThat(availability.get("unavailableSeats")).isEmpty();
    assertThat(availability.get("areas").get(0).get("remaining").asInt()).isEqualTo(2_000);
  }

  @Test
  void publishingTwiceOrAfterCancellingIsAnIllegalTransition() {
    var organizer = accounts.organizer();
    var id = catalog.onSale(organizer.token(), "Show", "Rome", List.of(seated("A", 1, 3)));

    var again = api.post("/api/v1/events/" + id + "/publish", organizer.token(), Map.of());
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("type").asString()).endsWith("/illegal-transition");

    var cancelled = api.post("/api/v1/events/" + id + "/cancel", organizer.token(), Map.of());
    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
    assertThat(api.post("/api/v1/events/" + id + "/cancel", organizer.token(), Map.of()).status())
        .isEqualTo(409);
    assertThat(api.post("/api/v1/events/" + id + "/publish", organizer.token(), Map.of()).status())
        .isEqualTo(409);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from event_seat where event_id = ?::uuid", Integer.class, id))
        .isEqualTo(3);
  }

  @Test
  void pricingIsFixedOncePublishedButTheTitleMayChange() {
    var organizer = accounts.organizer();
    var id = catalog.onSale(organizer.token(), "Show", "Rome", List.of(seated("A", 1, 3)));

    var reprice =
        api.patch(
            "/api/v1/events/" + id,
            organizer.token(),
            Map.of("priceTiers", List.of(Map.of("name", "Cheap", "amount", 1, "currency", "EUR"))));
    assertThat(reprice.status()).isEqualTo(409);

    var retitle = api.patch("/api/v1/events/" + id, organizer.token(), Map.of("title", "Show II"));
    assertThat(retitle.status()).isEqualTo(200);
    assertThat(retitle.json().get("title").asString()).isEqualTo("Show II");
    assertThat(retitle.json().get("priceTiers").get(0).get("price").get("amount").asLong())
        .isEqualTo(5000);
  }

  @Test
  void aDraftCanBeRepricedWithSeatLevelTiers() {
    var organizer = accounts.organizer();
    var venue = catalog.venue(organizer.token(), "Club", "Lyon", List.of(seated("Main", 1, 4)));
    var id =
        catalog.createEvent(
            organizer.token(), catalog.eventBody(venue, "Gig", catalog.inDays(5), 2500));
    var sectionId = venue.get("sections").get(0).get("id").asString();
    var frontSeat = venue.get("sections").get(0).get("seats").get(0).get("id").asString();

    var response =
        api.patch(
            "/api/v1/events/" + id,
            organizer.token(),
            Map.of(
                "priceTiers",
                    List.of(
                        Map.of("name", "VIP", "amount", 9900, "currency", "EUR"),
                        Map.of("name", "Standard", "amount", 2500, "currency", "EUR")),
                "tierAssignments",
                    List.of(
                        Map.of("tier", "Standard", "sections", List.of(sectionId)),
                        Map.of("tier", "VIP", "seats", List.of(frontSeat)))));
    assertThat(response.status()).as(response.body()).isEqualTo(200);

    var vip = response.json().get("priceTiers").get(0).get("id").asString();
    var standard = response.json().get("priceTiers").get(1).get("id").asString();
    var seats =
        api.get("/api/v1/events/" + id + "/seatmap", organizer.token())
            .json()
            .get("sections")
            .get(0)
            .get("rows")
            .get(0)
            .get("seats");
    assertThat(seats.get(0).get("tierId").asString()).isEqualTo(vip);
    assertThat(seats.get(1).get("tierId").asString()).isEqualTo(standard);
    assertThat(seats.get(3).get("tierId").asString()).isEqualTo(standard);
  }

  @Test
  void everySectionMustHaveAPrice() {
    var organizer = accounts.organizer();
    var venue =
        catalog.venue(
            organizer.token(),
            "Club",
            "Lyon",
            List.of(seated("Main", 1, 4), generalAdmission("Floor", 50)));
    var body = catalog.eventBody(venue, "Gig", catalog.inDays(5), 2500);
    body.put(
        "tierAssignments",
        List.of(
            Map.of(
                "tier",
                "Standard",
                "sections",
                List.of(venue.get("sections").get(0).get("id").asString()))));

    var response = api.post("/api/v1/events", organizer.token(), body);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asString()).contains("Floor");
    assertThat(jdbc.queryForObject("select count(*) from event", Integer.class)).isZero();
  }

  @Test
  void rejectsAnIncoherentSaleWindowAndStartsInThePast() {
    var organizer = accounts.organizer();
    var venue = catalog.venue(organizer.token(), "Club", "Lyon", List.of(seated("Main", 1, 4)));
    var past = catalog.eventBody(venue, "Gig", catalog.inDays(-1), 2500);
    var window = catalog.eventBody(venue, "Gig", catalog.inDays(5), 2500);
    window.put("offSaleAt", catalog.inDays(-2).toString());
    var unknownTier = catalog.eventBody(venue, "Gig", catalog.inDays(5), 2500);
    unknownTier.put("tierAssignments", List.of(Map.of("tier", "Nope", "sections", List.of())));

    assertThat(field(api.post("/api/v1/events", organizer.token(), past))).isEqualTo("startsAt");
    assertThat(field(api.post("/api/v1/events", organizer.token(), window))).isEqualTo("offSaleAt");
    assertThat(field(api.post("/api/v1/events", organizer.token(), unknownTier)))
        .isEqualTo("tierAssignments[0].tier");
  }

  @Test
  void anOrganizerCannotPlanAnEventAtSomeoneElsesVenue() {
    var venue =
        catalog.venue(accounts.organizer().token(), "Club", "Lyon", List.of(seated("Main", 1, 4)));
    var body = catalog.eventBody(venue, "Gig", catalog.inDays(5), 2500);

    assertThat(field(api.post("/api/v1/events", accounts.organizer().token(), body)))
        .isEqualTo("venueId");
  }

  private static String field(io.boxoffice.test.Api.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    return response.json().get("errors").get(0).get("field").asString();
  }
}
