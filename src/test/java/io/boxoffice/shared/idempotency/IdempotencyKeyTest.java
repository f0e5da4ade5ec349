package io.boxoffice.shared.idempotency;

import static io.boxoffice.test.TestCatalog.gaSection;
import static io.boxoffice.test.TestCatalog.generalAdmission;
import static io.boxoffice.test.TestCatalog.seatIds;
import static io.boxoffice.test.TestCatalog.seated;
import static io.boxoffice.test.TestCatalog.venueBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.test.Api;
import io.boxoffice.test.IntegrationTest;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Idempotency-Key contract on holds and other local-state POSTs (one transaction with the
 * effect): required, validated, replayed byte for byte, scoped per account, refused when reused for
 * another request, and exactly-once under a burst of identical retries.
 */
class IdempotencyKeyTest extends IntegrationTest {

  @Autowired ExpiredKeys expiredKeys;

  private String eventId;
  private List<UUID> seats;
  private String customer;

  @BeforeEach
  void anEventOnSaleAndACustomer() {
    eventId =
        catalog.onSale(accounts.organizer().token(), "Keys", "Oslo", List.of(seated("A", 1, 10)));
    seats = seatIds(jdbc, eventId);
    customer = accounts.customer().token();
  }

  static Api.Response post(Api api, String path, String token, String key, String body) {
    var request =
        api.request(path, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return api.send(request);
  }

  private Api.Response hold(String token, String key, int seat) {
    var body = "{\"seats\":[\"" + seats.get(seat) + "\"]}";
    return post(api, "/api/v1/events/" + eventId + "/holds", token, key, body);
  }

  private int holds() {
    return jdbc.queryForObject("select count(*) from hold", Integer.class);
  }

  static String problemType(Api.Response response) {
    var type = response.json().get("type").asString();
    return type.substring(type.lastIndexOf('/') + 1);
  }

  @Test
  void aHoldWithoutAKeyIsRefusedAndNothingHappens() {
    var missing = hold(customer, null, 0);

    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.contentType()).isEqualTo("application/problem+json");
    assertThat(problemType(missing)).isEqualTo("idempotency-key-missing");
    assertThat(holds()).isZero();
  }

  @Test
  void aKeyMustBeOneTo255PrintableAsciiCharactersSentOnce() {
    var path = "/api/v1/events/" + eventId + "/holds";
    var body = "{\"seats\":[\"" + seats.get(0) + "\"]}";
    var twice =
        api.request(path, customer)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", "one")
            .header("Idempotency-Key", "two")
            .POST(HttpRequest.BodyPublishers.ofString(body));

    for (var response :
        List.of(
            hold(customer, "x".repeat(256), 0),
            hold(customer, "tab\there", 0),
            hold(customer, "", 0),
            api.send(twice))) {
      assertThat(response.status()).as(response.body()).isEqualTo(400);
      assertThat(problemType(response)).isEqualTo("idempotency-key-invalid");
    }
    assertThat(holds()).isZero();
    assertThat(hold(customer, "x".repeat(255), 0).status()).isEqualTo(201);
  }

  @Test
  void aRepeatedRequestIsAnsweredFromTheStoreByteForByte() {
    var key = UUID.randomUUID().toString();
    var first = hold(customer, key, 0);

    var again = hold(customer, key, 0);

    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.contentType()).isEqualTo(first.contentType());
    assertThat(again.header("Location")).isPresent().isEqualTo(first.header("Location"));
    assertThat(again.header("Idempotent-Replayed")).hasValue("true");
    assertThat(first.header("Idempotent-Replayed")).isEmpty();
    assertThat(holds()).isEqualTo(1);
  }

  @Test
  void theSameKeyForAnotherRequestIsRefused() {
    var key = UUID.randomUUID().toString();
    hold(customer, key, 0);

    var otherBody = hold(customer, key, 1);
    var otherPath =
        post(api, "/api/v1/events/" + UUID.randomUUID() + "/holds", customer, key, "{}");

    assertThat(otherBody.status()).isEqualTo(422);
    assertThat(problemType(otherBody)).isEqualTo("idempotency-key-reused");
    assertThat(otherPath.status()).isEqualTo(422);
    assertThat(holds()).isEqualTo(1);
  }

  @Test
  void keysAreScopedPerAccount() {
    var key = UUID.randomUUID().toString();
    var body = "{\"bestAvailable\":{\"quantity\":1}}";
    var path = "/api/v1/events/" + eventId + "/holds";
    var mine = post(api, path, customer, key, body);

    var theirs = post(api, path, accounts.customer().token(), key, body);

    assertThat(mine.status()).isEqualTo(201);
    assertThat(theirs.status()).isEqualTo(201);
    assertThat(theirs.header("Idempotent-Replayed")).isEmpty();
    assertThat(theirs.json().get("holdId")).isNotEqualTo(mine.json().get("holdId"));
    assertThat(holds()).isEqualTo(2);
  }

  @Test
  void aRefusalIsReplayedAsTheSameRefusal() {
    var other = accounts.customer().token();
    var taken = hold(other, UUID.randomUUID().toString(), 0).json().get("holdId").asString();
    var key = UUID.randomUUID().toString();
    var refused = hold(customer, key, 0);
    api.send(api.request("/api/v1/holds/" + taken, other).DELETE()); // the seat is free again

    var again = hold(customer, key, 0);

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("unavailableSeats")).hasSize(1);
    assertThat(again.status()).isEqualTo(409); // the answer to this key stays the refusal
    assertThat(again.body()).isEqualTo(refused.body());
    assertThat(again.header("Idempotent-Replayed")).hasValue("true");
    assertThat(hold(customer, UUID.randomUUID().toString(), 0).status()).isEqualTo(201);
  }

  @Test
  void twentyParallelIdenticalHoldsMakeExactlyOneHold() throws Exception {
    var key = UUID.randomUUID().toString();

    var answers = race(20, () -> hold(customer, key, 0));

    var tally = Tally.of(answers, 201);
    assertThat(tally.originals()).hasSize(1);
    assertThat(tally.originals().size() + tally.replays().size() + tally.inFlight()).isEqualTo(20);
    assertThat(tally.replays())
        .allSatisfy(r -> assertThat(r.body()).isEqualTo(tally.originals().getFirst().body()));
    assertThat(holds()).isEqualTo(1);
  }

  @Test
  void generalAdmissionHoldsKeepTheContractThoughTheirBatchCommitsThem() throws Exception {
    var gaEvent =
        catalog.onSale(
            accounts.organizer().token(),
            "Keys GA",
            "Oslo",
            List.of(generalAdmission("Floor", 10)));
    var path = "/api/v1/events/" + gaEvent + "/holds";
    var body = "{\"section\":\"" + gaSection(jdbc, gaEvent) + "\",\"quantity\":2}";
    var key = UUID.randomUUID().toString();

    var answers = race(20, () -> post(api, path, customer, key, body));
    var replay = post(api, path, customer, key, body);

    var tally = Tally.of(answers, 201);
    assertThat(tally.originals()).hasSize(1);
    assertThat(tally.originals().size() + tally.replays().size() + tally.inFlight()).isEqualTo(20);
    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.body()).isEqualTo(tally.originals().getFirst().body());
    assertThat(replay.header("Idempotent-Replayed")).hasValue("true");
    assertThat(holds()).isEqualTo(1);
    assertThat(jdbc.queryForObject("select held from ga_inventory", Integer.class)).isEqualTo(2);
  }

  @Test
  void otherSignedInPostsHonourAKeyButDoNotNeedOne() {
    var organizer = accounts.organizer().token();
    var venue =
        Api.JSON.writeValueAsString(venueBody("Keyed", "Bergen", List.of(seated("B", 1, 2))));
    var key = UUID.randomUUID().toString();

    var first = post(api, "/api/v1/venues", organizer, key, venue);
    var again = post(api, "/api/v1/venues", organizer, key, venue);
    var withoutKey = post(api, "/api/v1/venues", organizer, null, venue);

    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.header("Idempotent-Replayed")).hasValue("true");
    assertThat(withoutKey.status()).isEqualTo(201);
    assertThat(
            jdbc.queryForObject("select count(*) from venue where name = 'Keyed'", Integer.class))
        .isEqualTo(2);
  }

  @Test
  void unauthenticatedPostsAreLeftAlone() {
    var signIn =
        post(
            api,
            "/api/v1/auth/token",
            null,
            "x".repeat(300),
            "{\"email\":\"nobody@test.boxoffice.io\",\"password\":\"wrong password\"}");

    assertThat(signIn.status()).isEqualTo(401); // not 400: the key is not looked at
    assertThat(
            jdbc.queryForObject(
                "select count(*) from idempotency_key where key = ?",
                Integer.class,
                "x".repeat(300)))
        .isZero();
  }

  @Test
  void keysOlderThanTheRetentionArePurged() {
    var old = UUID.randomUUID().toString();
    var fresh = UUID.randomUUID().toString();
    hold(customer, old, 0);
    hold(customer, fresh, 1);
    jdbc.update(
        "update idempotency_key set created_at = now() - interval '24 hours 1 minute'"
            + " where key = ?",
        old);

    assertThat(expiredKeys.purge()).isEqualTo(1);
    assertThat(
            jdbc.queryForList(
                "select key from idempotency_key where key in (?, ?)", String.class, old, fresh))
        .containsExactly(fresh);
  }

  /** The answers to a burst of identical requests: one original, replays of it, and 409s. */
  record Tally(List<Api.Response> originals, List<Api.Response> replays, int inFlight) {

    static Tally of(List<Api.Response> answers, int status) {
      var originals = new ArrayList<Api.Response>();
      var replays = new ArrayList<Api.Response>();
      int inFlight = 0;
      for (var answer : answers) {
        if (answer.status() == 409 && problemType(answer).equals("idempotency-key-in-flight")) {
          inFlight++;
        } else if (answer.status() == status && answer.header("Idempotent-Replayed").isPresent()) {
          replays.add(answer);
        } else if (answer.status() == status) {
          originals.add(answer);
        } else {
          throw new AssertionError("unexpected answer " + answer.status() + " " + answer.body());
        }
      }
      return new Tally(originals, replays, inFlight);
    }
  }

  /** Sends {@code clients} requests from virtual threads released together. */
  static List<Api.Response> race(int clients, Supplier<Api.Response> request) throws Exception {
    var start = new CountDownLatch(1);
    var futures = new ArrayList<Future<Api.Response>>();
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < clients; i++) {
        futures.add(
            threads.submit(
                () -> {
                  start.await();
                  return request.get();
                }));
      }
      start.countDown();
      var answers = new ArrayList<Api.Response>();
      for (var future : futures) {
        answers.add(future.get());
      }
      return answers;
    }
  }
}
