package io.boxoffice.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;
import tools.jackson.databind.JsonNode;

/** Builds venues and events through the organizer API, the way an organizer would. */
@TestComponent
public class TestCatalog {

  private final Clock clock;
  private Api api;

  TestCatalog(Clock clock) {
    this.clock = clock;
  }

  void use(Api api) {
    this.api = api;
  }

  /** A generated seated section: {@code rows} × {@code perRow}, straight. */
  public static Map<String, Object> seated(String name, int rows, int perRow) {
    return Map.of(
        "name", name, "kind", "SEATED", "generator", Map.of("rows", rows, "seatsPerRow", perRow));
  }

  public static Map<String, Object> generalAdmission(String name, int capacity) {
    return Map.of("name", name, "kind", "GENERAL_ADMISSION", "capacity", capacity);
  }

  public static Map<String, Object> venueBody(String name, String city, List<?> sections) {
    return Map.of("name", name, "city", city, "sections", sections);
  }

  /** Creates a venue; returns the created venue as the API answered it. */
  public JsonNode venue(String token, String name, String city, List<?> sections) {
    var response = api.post("/api/v1/venues", token, venueBody(name, city, sections));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json();
  }

  /** An event body pricing every section of the venue with one tier of {@code cents} EUR. */
  public Map<String, Object> eventBody(JsonNode venue, String title, Instant startsAt, long cents) {
    var sections = new ArrayList<String>();
    venue.get("sections").forEach(s -> sections.add(s.get("id").asString()));
    var body = new LinkedHashMap<String, Object>();
    body.put("venueId", venue.get("id").asString());
    body.put("title", title);
    body.put("performer", "The Testers");
    body.put("startsAt", startsAt.toString());
    body.put("onSaleAt", clock.instant().minus(Duration.ofHours(1)).toString());
    body.put("priceTiers", List.of(Map.of("name", "Standard", "amount", cents, "currency", "EUR")));
    body.put("tierAssignments", List.of(Map.of("tier", "Standard", "sections", sections)));
    return body;
  }

  public String createEvent(String token, Map<String, Object> body) {
    var response = api.post("/api/v1/events", token, body);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().get("id").asString();
  }

  public void publish(String token, String eventId) {
    var response = api.post("/api/v1/events/" + eventId + "/publish", token, Map.of());
    assertThat(response.status()).as(response.body()).isEqualTo(200);
  }

  /** A published event on sale now, at a new venue with the given sections. */
  public String onSale(String token, String title, String city, List<?> sections) {
    var venue = venue(token, title + " venue", city, sections);
    var id = createEvent(token, eventBody(venue, title, inDays(10), 5000));
    publish(token, id);
    return id;
  }

  /** The event's seats in layout order: section, row from the front, position along the row. */
  public static List<UUID> seatIds(
      org.springframework.jdbc.core.JdbcTemplate jdbc, String eventId) {
    return jdbc.queryForList(
        "select seat_id from event_seat where event_id = ?::uuid"
            + " order by section_order, row_index, position",
        UUID.class,
        eventId);
  }

  public static UUID gaSection(org.springframework.jdbc.core.JdbcTemplate jdbc, String eventId) {
    return jdbc.queryForObject(
        "select section_id from ga_inventory where event_id = ?::uuid", UUID.class, eventId);
  }

  /** Holds the seats for the customer; returns the hold id. */
  public String hold(String token, String eventId, List<UUID> seats) {
    var response = api.post("/api/v1/events/" + eventId + "/holds", token, Map.of("seats", seats));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().get("holdId").asString();
  }

  /** Pays for a hold with a test card; returns the answer as it came. */
  public Api.Response order(String token, String holdId, String card) {
    return api.post(
        "/api/v1/orders",
        token,
        Map.of("holdId", holdId, "payment", Map.of("method", "card", "token", card)));
  }

  /** Holds one seat and pays with {@code card}; returns the order id. */
  public String buy(
      org.springframework.jdbc.core.JdbcTemplate jdbc,
      String token,
      String eventId,
      int seat,
      String card) {
    var hold = hold(token, eventId, List.of(seatIds(jdbc, eventId).get(seat)));
    var response = order(token, hold, card);
    assertThat(response.status()).as(response.body()).isIn(201, 202);
    return response.json().get("orderId").asString();
  }

  /** Waits (up to 20 s) until the order is in one of {@code statuses}. */
  public void awaitOrder(String token, String orderId, String... statuses) {
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                List.of(statuses)
                    .contains(
                        api.get("/api/v1/orders/" + orderId, token)
                            .json()
                            .get("status")
                            .asString()));
  }

  public Instant inDays(int days) {
    return clock.instant().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.SECONDS);
  }

  public static UUID uuid(JsonNode node) {
    return UUID.fromString(node.asString());
  }
}
