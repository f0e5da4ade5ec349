package io.boxoffice.loadtest.setup;

import io.boxoffice.loadtest.http.Api;
import io.boxoffice.loadtest.http.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Creates what a run sells through the organizer API: a venue with the plan's sections, an event on
 * sale since a minute ago with one price tier for everything, published.
 */
public final class Events {

  private Events() {}

  public static EventFixture create(Api api, Organizer organizer, Database database, EventPlan plan)
      throws Exception {
    var venue =
        api.post("/api/v1/venues", organizer.token(), venueBody(plan), Map.of())
            .expect("creating the venue for " + plan.title(), 201)
            .json();
    var sections = sections(venue);
    var event =
        api.post(
                "/api/v1/events",
                organizer.token(),
                eventBody(plan, Json.text(venue, "id"), sections),
                Map.of())
            .expect("creating " + plan.title(), 201)
            .json();
    var id = UUID.fromString(Json.text(event, "id"));
    api.post(
            "/api/v1/events/" + id + "/publish",
            organizer.token(),
            "",
            Map.of("Idempotency-Key", UUID.randomUUID().toString()))
        .expect("publishing " + plan.title(), 200);
    if (plan.holdTtlSeconds() < EventPlan.API_MIN_HOLD_TTL) {
      database.setHoldTtl(id, plan.holdTtlSeconds());
    }
    return new EventFixture(id, sections);
  }

  private static Map<String, Object> venueBody(EventPlan plan) {
    var sections = new ArrayList<Map<String, Object>>();
    for (var section : plan.sections()) {
      sections.add(
          section.generalAdmission()
              ? Map.of(
                  "name", section.name(),
                  "kind", "GENERAL_ADMISSION",
                  "capacity", section.capacity())
              : Map.of(
                  "name",
                  section.name(),
                  "kind",
                  "SEATED",
                  "generator",
                  Map.of("rows", section.rows(), "seatsPerRow", section.seatsPerRow())));
    }
    return Map.of("name", plan.title() + " venue", "city", "Loadtown", "sections", sections);
  }

  private static List<EventFixture.Section> sections(JsonNode venue) {
    var sections = new ArrayList<EventFixture.Section>();
    for (var section : venue.get("sections")) {
      var seats = new ArrayList<UUID>();
      for (var seat : section.get("seats")) {
        seats.add(UUID.fromString(Json.text(seat, "id")));
      }
      sections.add(
          new EventFixture.Section(
              UUID.fromString(Json.text(section, "id")),
              Json.text(section, "name"),
              "GENERAL_ADMISSION".equals(Json.text(section, "kind")),
              section.get("capacity").asInt(),
              List.copyOf(seats)));
    }
    return List.copyOf(sections);
  }

  private static Map<String, Object> eventBody(
      EventPlan plan, String venueId, List<EventFixture.Section> sections) {
    var now = Instant.now();
    var body = new LinkedHashMap<String, Object>();
    body.put("venueId", venueId);
    body.put("title", plan.title());
    body.put("startsAt", now.plus(Duration.ofDays(30)).toString());
    body.put("onSaleAt", now.minus(Duration.ofMinutes(1)).toString());
    body.put("priceTiers", List.of(Map.of("name", "Standard", "amount", 5000, "currency", "EUR")));
    body.put(
        "tierAssignments",
        List.of(
            Map.of(
                "tier",
                "Standard",
                "sections",
                sections.stream().map(s -> s.id().toString()).toList())));
    body.put("holdTtlSeconds", Math.max(EventPlan.API_MIN_HOLD_TTL, plan.holdTtlSeconds()));
    body.put("maxTicketsPerCustomer", plan.maxTicketsPerCustomer());
    if (plan.waitingRoom() != null) {
      body.put(
          "queue",
          Map.of(
              "enabled",
              true,
              "admissionRatePerMinute",
              plan.waitingRoom().admissionRatePerMinute(),
              "maxActiveShoppers",
              plan.waitingRoom().maxActiveShoppers(),
              "admissionTokenTtlSeconds",
              3600));
    }
    return body;
  }
}
