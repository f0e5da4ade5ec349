package io.boxoffice.admission.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.boxoffice.catalog.EventId;
import io.boxoffice.catalog.NewEvent;
import io.boxoffice.identity.AccountId;
import io.boxoffice.test.Api;
import io.boxoffice.test.IntegrationTest;
import io.boxoffice.test.TestApplications;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/** The waiting room over HTTP, and holds that must show an admission token. */
class AdmissionApiTest extends IntegrationTest {

  @Autowired Admitter admitter;
  @Autowired QueuePolicies policies;
  @Autowired AdmissionTokens tokens;
  @Autowired WaitingRoom room;
  @Autowired ConfigurableApplicationContext app;

  private EventId queuedEvent(Instant onSaleAt) {
    return TestApplications.eventWithQueue(
        app,
        TestApplications.organizer(app),
        2,
        10,
        onSaleAt,
        new NewEvent.Queue(true, null, 600, 100, 600));
  }

  private Api.Response join(EventId event, String token) {
    return api.post("/api/v1/events/" + event + "/queue", token, Map.of());
  }

  private Api.Response hold(EventId event, String token, String admission, int seat) {
    var request =
        api.request("/api/v1/events/" + event + "/holds", token)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"seats\": [\""
                        + catalog.seatIds(jdbc, event.toString()).get(seat)
                        + "\"]}"));
    if (admission != null) {
      request.header(AdmissionFilter.HEADER, admission);
    }
    return api.send(request);
  }

  private void admitEveryone(EventId event) {
    var policy = policies.current(event).orElseThrow();
    var now = Instant.now();
    admitter.admit(policy, now);
    admitter.admit(policy, now.plusSeconds(2));
  }

  private AccountId accountOf(String email) {
    return new AccountId(
        jdbc.queryForObject("select id from app_user where email = ?", UUID.class, email));
  }

  private int holds(EventId event) {
    return jdbc.queryForObject(
        "select count(*) from hold where event_id = ?", Integer.class, event.value());
  }

  @Test
  void aVisitorJoinsWaitsIsAdmittedAndHoldsWithTheToken() {
    var event = queuedEvent(Instant.now().minusSeconds(5));
    var fan = accounts.customer();

    var joined = join(event, fan.token());
    assertThat(joined.status()).as(joined.body()).isEqualTo(201);
    var queueId = joined.json().get("queueId").asString();
    assertThat(joined.json().get("status").asString()).isEqualTo("WAITING");
    assertThat(joined.json().get("position").asLong()).isEqualTo(1);
    assertThat(joined.json().get("estimatedWaitSeconds").isNull()).isTrue(); // no admissions yet

    var again = join(event, fan.token());
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("queueId").asString()).isEqualTo(queueId);

    assertThat(
            api.get("/api/v1/events/" + event + "/queue/" + queueId, accounts.customer().token())
                .status())
        .as("someone else's entry")
        .isEqualTo(404);

    admitEveryone(event);
    var admitted = api.get("/api/v1/events/" + event + "/queue/" + queueId, fan.token());
    assertThat(admitted.json().get("status").asString()).isEqualTo("ADMITTED");
    var token = admitted.json().get("admissionToken").asString();
    assertThat(Instant.parse(admitted.json().get("admissionExpiresAt").asString()))
        .isBetween(Instant.now().plusSeconds(590), Instant.now().plusSeconds(610));

    var held = hold(event, fan.token(), token, 0);
    assertThat(held.status()).isEqualTo(201);

    var metrics = api.get("/actuator/prometheus").body();
    assertThat(metrics)
        .contains("boxoffice_admission_admitted_total{event=\"" + event + "\"} 1.0")
        .contains("boxoffice_admission_queue_length{event=\"" + event + "\"} 0.0")
        .contains("boxoffice_admission_active_shoppers{event=\"" + event + "\"} 1.0")
        .contains("boxoffice_admission_wait_seconds_count");

    // letting the seats go frees the shopper's slot for the next visitor, after the commit
    assertThat(room.activeShoppers(event, Instant.now())).isEqualTo(1);
    var holdId = held.json().get("holdId").asString();
    assertThat(api.send(api.request("/api/v1/holds/" + holdId, fan.token()).DELETE()).status())
        .isEqualTo(204);
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(room.activeShoppers(event, Instant.now())).isZero());
  }

  @Test
  void holdsWithoutAValidAdmissionTokenAreRefusedAndCreateNothing() {
    var event = queuedEvent(Instant.now().minusSeconds(5));
    var other = queuedEvent(Instant.now().minusSeconds(5));
    var fan = accounts.customer();
    var stranger = accounts.customer();
    var fanId = accountOf(fan.email());
    var expires = Instant.now().plusSeconds(300);
    var valid = tokens.issue(event, fanId, UUID.randomUUID(), expires);
    var strangers = tokens.issue(event, accountOf(stranger.email()), UUID.randomUUID(), expires);
    var expired = tokens.issue(event, fanId, UUID.randomUUID(), Instant.now().minusSeconds(1));
    var otherEvent = tokens.issue(other, fanId, UUID.randomUUID(), expires);
    // a signature character in the middle (the last one carries two unused bits)
    var at = valid.length() - 10;
    var tampered =
        valid.substring(0, at) + (valid.charAt(at) == 'A' ? 'B' : 'A') + valid.substring(at + 1);
    var apiToken = fan.token(); // the API bearer token is not an admission token

    for (var attempt : new String[] {null, expired, otherEvent, strangers, tampered, apiToken}) {
      var response = hold(event, fan.token(), attempt, 1);
      assertThat(response.status()).as("%s: %s", attempt, response.body()).isEqualTo(403);
      assertThat(response.contentType()).startsWith("application/problem+json");
      assertThat(response.json().get("type").asString()).endsWith("/admission-required");
    }
    assertThat(holds(event)).isZero();
    assertThat(api.get("/actuator/prometheus").body())
        .contains("boxoffice_admission_token_rejections_total{reason=\"missing\"}")
        .contains("boxoffice_admission_token_rejections_total{reason=\"expired\"}")
        .contains("boxoffice_admission_token_rejections_total{reason=\"other_event\"}")
        .contains("boxoffice_admission_token_rejections_total{reason=\"other_account\"}")
        .contains("boxoffice_admission_token_rejections_total{reason=\"forged\"}");

    assertThat(hold(event, fan.token(), valid, 1).status()).isEqualTo(201);
    assertThat(holds(event)).isEqualTo(1);
  }

  @Test
  void eventsWithoutAWaitingRoomSellAsBefore() {
    var event =
        catalog.onSale(
            accounts.organizer().token(),
            "Open sale",
            "Oslo",
            List.of(io.boxoffice.test.TestCatalog.seated("A", 1, 4)));
    var response =
        api.post("/api/v1/events/" + event + "/queue", accounts.customer().token(), Map.of());
    assertThat(response.status()).isEqualTo(409);
    assertThat(response.json().get("type").asString()).endsWith("/no-waiting-room");
    var hold =
        api.post(
            "/api/v1/events/" + event + "/holds",
            accounts.customer().token(),
            Map.of("seats", List.of(catalog.seatIds(jdbc, event).get(0))));
    assertThat(hold.status()).isEqualTo(201);
  }

  @Test
  void earlyArrivalsWaitForTheDrawWhichIsPublishedAfterwards() {
    var start = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    var event = queuedEvent(start);
    var fan = accounts.customer();
    var joined = join(event, fan.token());
    assertThat(joined.status()).isEqualTo(201);
    assertThat(joined.json().get("position").isNull()).isTrue();
    assertThat(Instant.parse(joined.json().get("drawAt").asString())).isEqualTo(start);
    assertThat(api.get("/api/v1/events/" + event + "/queue/draw").status()).isEqualTo(404);

    admitter.draw(event);
    var draw = api.get("/api/v1/events/" + event + "/queue/draw"); // public, no token
    assertThat(draw.status()).isEqualTo(200);
    assertThat(draw.json().get("entries").asInt()).isEqualTo(1);
    assertThat(draw.json().get("order").get(0).asString())
        .isEqualTo(joined.json().get("queueId").asString());
    assertThat(draw.json().get("seed").asString()).hasSize(64);
  }

  @Test
  void aQueueForAnUnknownEventIsNotFoundAndAnonymousVisitorsMustSignIn() {
    assertThat(join(EventId.random(), accounts.customer().token()).status()).isEqualTo(404);
    assertThat(api.post("/api/v1/events/" + EventId.random() + "/queue", null, Map.of()).status())
        .isEqualTo(401);
  }
}
