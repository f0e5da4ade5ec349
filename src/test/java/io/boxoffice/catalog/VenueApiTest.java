package io.boxoffice.catalog;

import static io.boxoffice.test.TestCatalog.generalAdmission;
import static io.boxoffice.test.TestCatalog.seated;
import static io.boxoffice.test.TestCatalog.venueBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.test.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VenueApiTest extends IntegrationTest {

  @Test
  void organizerCreatesAVenueWithGeneratedExplicitAndGeneralAdmissionSections() {
    var organizer = accounts.organizer();
    var explicit =
        Map.of(
            "name", "Boxes",
            "kind", "SEATED",
            "seats",
                List.of(
                    Map.of("row", "1", "number", "1", "x", 0.0, "y", 0.0, "accessible", true),
                    Map.of("row", "1", "number", "2", "x", 1.0, "y", 0.0, "companion", true),
                    Map.of("row", "2", "number", "1", "x", 0.0, "y", 1.0, "restrictedView", true)));

    var response =
        api.post(
            "/api/v1/venues",
            organizer.token(),
            venueBody(
                "Opera",
                "Milan",
                List.of(seated("Stalls", 10, 20), explicit, generalAdmission("Standing", 300))));

    assertThat(response.status()).isEqualTo(201);
    var venue = response.json();
    assertThat(response.header("Location"))
        .hasValue("/api/v1/venues/" + venue.get("id").asString());
    assertThat(venue.get("seatCount").asInt()).isEqualTo(203);
    var sections = venue.get("sections");
    assertThat(sections.get(0).get("seats")).hasSize(200);
    assertThat(sections.get(1).get("seats").get(0).get("accessible").asBoolean()).isTrue();
    assertThat(sections.get(1).get("seats").get(1).get("companion").asBoolean()).isTrue();
    assertThat(sections.get(1).get("seats").get(2).get("restrictedView").asBoolean()).isTrue();
    assertThat(sections.get(2).get("kind").asString()).isEqualTo("GENERAL_ADMISSION");
    assertThat(sections.get(2).get("capacity").asInt()).isEqualTo(300);

    var read = api.get("/api/v1/venues/" + venue.get("id").asString(), organizer.token());
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json()).isEqualTo(venue);
  }

  @Test
  void anotherOrganizersVenueIsNotFound() {
    var venue =
        catalog.venue(accounts.organizer().token(), "Mine", "Oslo", List.of(seated("A", 1, 1)));

    var response =
        api.get("/api/v1/venues/" + venue.get("id").asString(), accounts.organizer().token());

    assertThat(response.status()).isEqualTo(404);
  }

  @Test
  void customersMayNotCreateVenues() {
    var body = venueBody("Nope", "Oslo", List.of(seated("A", 1, 1)));

    assertThat(api.post("/api/v1/venues", accounts.customer().token(), body).status())
        .isEqualTo(403);
    assertThat(api.post("/api/v1/venues", accounts.customer().token(), Map.of()).status())
        .isEqualTo(403);
    assertThat(api.post("/api/v1/venues", null, body).status()).isEqualTo(401);
    assertThat(jdbc.queryForObject("select count(*) from venue", Integer.class)).isZero();
  }

  @Test
  void rejectsInconsistentSectionsNamingTheField() {
    var token = accounts.organizer().token();
    var gaWithoutCapacity = Map.of("name", "Floor", "kind", "GENERAL_ADMISSION");
    var seatedWithBoth =
        Map.of(
            "name",
            "Stalls",
            "kind",
            "SEATED",
            "generator",
            Map.of("rows", 1, "seatsPerRow", 1),
            "seats",
            List.of(Map.of("row", "A", "number", "1", "x", 0, "y", 0)));
    var duplicateSeat =
        Map.of(
            "name", "Stalls",
            "kind", "SEATED",
            "seats",
                List.of(
                    Map.of("row", "A", "number", "1", "x", 0, "y", 0),
                    Map.of("row", "A", "number", "1", "x", 1, "y", 0)));

    assertInvalid(token, List.of(gaWithoutCapacity), "sections[0].capacity");
    assertInvalid(token, List.of(seatedWithBoth), "sections[0]");
    assertInvalid(token, List.of(duplicateSeat), "sections[0].seats[1]");
    assertInvalid(token, List.of(seated("A", 1, 1), seated("A", 2, 2)), "sections[1].name");
    assertInvalid(token, List.of(seated("A", 0, 10)), "sections[0].generator.rows");
    assertInvalid(token, List.of(), "sections");
    assertThat(jdbc.queryForObject("select count(*) from venue", Integer.class)).isZero();
  }

  private void assertInvalid(String token, List<?> sections, String field) {
    var response = api.post("/api/v1/venues", token, venueBody("Bad", "Oslo", sections));
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.contentType()).isEqualTo("application/problem+json");
    assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
  }
}
