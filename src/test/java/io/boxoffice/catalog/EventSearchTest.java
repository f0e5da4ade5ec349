package io.boxoffice.catalog;

import static io.boxoffice.test.TestCatalog.seated;
import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.test.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EventSearchTest extends IntegrationTest {

  private String token;

  @BeforeEach
  void threeCitiesOfEvents() {
    token = accounts.organizer().token();
    event("Jazz Night", "Vienna", 3);
    event("Rock Festival", "Berlin", 10);
    event("Jazz Brunch", "Berlin", 20);
    event("100% Swing_Time", "Paris", 40);
    // a draft never shows up
    var venue = catalog.venue(token, "Hidden venue", "Berlin", List.of(seated("A", 1, 1)));
    catalog.createEvent(token, catalog.eventBody(venue, "Secret Jazz", catalog.inDays(5), 100));
  }

  private void event(String title, String city, int days) {
    var venue = catalog.venue(token, title + " venue", city, List.of(seated("A", 1, 2)));
    var id =
        catalog.createEvent(token, catalog.eventBody(venue, title, catalog.inDays(days), 2000));
    catalog.publish(token, id);
  }

  private List<String> titles(String query) {
    var response = api.get("/api/v1/events" + query);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    var titles = new ArrayList<String>();
    response.json().get("items").forEach(e -> titles.add(e.get("title").asString()));
    return titles;
  }

  @Test
  void listsPublishedEventsSoonestFirst() {
    assertThat(titles(""))
        .containsExactly("Jazz Night", "Rock Festival", "Jazz Brunch", "100% Swing_Time");
  }

  @Test
  void matchesTextInTitlePerformerVenueAndCityIgnoringCase() {
    assertThat(titles("?q=jazz")).containsExactly("Jazz Night", "Jazz Brunch");
    assertThat(titles("?q=BERLIN")).containsExactly("Rock Festival", "Jazz Brunch");
    assertThat(titles("?q=testers")).hasSize(4);
  }

  @Test
  void treatsLikeWildcardsInTheTextLiterally() {
    assertThat(titles("?q=100%25")).containsExactly("100% Swing_Time");
    assertThat(titles("?q=g_t")).containsExactly("100% Swing_Time");
    assertThat(titles("?q=%25")).containsExactly("100% Swing_Time");
  }

  @Test
  void filtersByCityAndDateRange() {
    assertThat(titles("?city=berlin")).containsExactly("Rock Festival", "Jazz Brunch");
    var from = catalog.inDays(5);
    var to = catalog.inDays(30);
    assertThat(titles("?from=" + from + "&to=" + to))
        .containsExactly("Rock Festival", "Jazz Brunch");
    assertThat(titles("?city=Berlin&q=jazz&from=" + from)).containsExactly("Jazz Brunch");
  }

  @Test
  void pagesThroughResultsWithTotals() {
    var page = api.get("/api/v1/events?size=3&page=1").json();

    assertThat(page.get("totalItems").asInt()).isEqualTo(4);
    assertThat(page.get("totalPages").asInt()).isEqualTo(2);
    assertThat(page.get("items")).hasSize(1);
    assertThat(page.get("items").get(0).get("title").asString()).isEqualTo("100% Swing_Time");
  }

  @Test
  void summariesCarryStatusPriceRangeAndAvailability() {
    JsonNode first = api.get("/api/v1/events?size=1").json().get("items").get(0);

    assertThat(first.get("status").asString()).isEqualTo("ON_SALE");
    assertThat(first.get("priceRange").get("min").get("amount").asLong()).isEqualTo(2000);
    assertThat(first.get("priceRange").get("min").get("currency").asString()).isEqualTo("EUR");
    assertThat(first.get("availability").get("total").asInt()).isEqualTo(2);
    assertThat(first.get("availability").get("level").asString()).isEqualTo("FEW_LEFT");
    assertThat(first.get("venue").get("city").asString()).isEqualTo("Vienna");
  }

  @Test
  void rejectsBadPagingAndRanges() {
    assertThat(api.get("/api/v1/events?size=0").status()).isEqualTo(400);
    assertThat(api.get("/api/v1/events?size=101").status()).isEqualTo(400);
    assertThat(api.get("/api/v1/events?page=-1").status()).isEqualTo(400);
    assertThat(api.get("/api/v1/events?from=yesterday").status()).isEqualTo(400);
    var to = catalog.inDays(1);
    var from = catalog.inDays(2);
    var inverted = api.get("/api/v1/events?from=" + from + "&to=" + to);
    assertThat(inverted.status()).isEqualTo(400);
    assertThat(inverted.json().get("errors").get(0).get("field").asString()).isEqualTo("to");
  }
}
