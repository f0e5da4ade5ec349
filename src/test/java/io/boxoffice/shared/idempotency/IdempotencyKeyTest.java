package io.boxoffice.shared.idempotency;

import static io.boxoffice.test.TestCatalog.seatIds;
import static io.boxoffice.test.TestCatalog.seated;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class IdempotencyKeyTest extends IntegrationTest {

  @Autowired IdempotencyKeys keys;

  private String eventId;
  private List<UUID> seats;
  private String customer;

  @BeforeEach
  void anEvent() {
    eventId =
        catalog.onSale(accounts.organizer().token(), "Keys", "Oslo", List.of(seated("A", 1, 10)));
    seats = seatIds(jdbc, eventId);
    customer = accounts.customer().token();
  }

  private Api.Response post(String path, String token, String key, String body) {
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
    return post(
        "/api/v1/events/" + eventId + "/holds",
        token,
        key,
        "{\"seats\":[\"" + seats.get(seat) + "\"]}");
  }

  private int holds() {
    return jdbc.queryForObject("select count(*) from hold", Integer.class);
  }

  @Test
  void aHoldWithoutAKeyOrWithAnInvalidOneIsRefusedAndChangesNothing() {
    var missing = hold(customer, null, 0);
    var invalid = hold(customer, "has spaces", 0);

    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("type").asString()).endsWith("/idempotency-key-missing");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(hold(customer, "x".repeat(256), 0).status()).isEqualTo(400);
    assertThat(holds()).isZero();
  }

  @Test
  void aRepeatedRequestIsAnsweredFromTheStoreByteForByte() {
    var key = UUID.randomUUID().toString();
    var first = hold(customer, key, 0);
    var again = hold(customer, key, 0);

    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.header("Location")).isEqualTo(first.header("Location"));
    assertThat(again.header("Idempotent-Replayed")).hasValue("true");
    assertThat(first.header("Idempotent-Replayed")).isEmpty();
    assertThat(holds()).isEqualTo(1);
  }

  @Test
  void theSameKeyForAnotherRequestIsRefused() {
    var key = UUID.randomUUID().toString();
    hold(customer, key, 0);

    var other = hold(customer, key, 1);

    assertThat(other.status()).isEqualTo(422);
    assertThat(other.json().get("type").asString()).endsWith("/idempotency-key-reused");
    assertThat(holds()).isEqualTo(1);
  }

  @Test
  void keysBelongToOneAccount() {
    var key = UUID.randomUUID().toString();
    assertThat(hold(customer, key, 0).status()).isEqualTo(201);

    var someoneElse = hold(accounts.customer().token(), key, 1);

    assertThat(someoneElse.status()).isEqualTo(201);
    assertThat(someoneElse.header("Idempotent-Replayed")).isEmpty();
    assertThat(holds()).isEqualTo(2);
  }

  @Test
  void aRefusalIsReplayedAsTheSameRefusal() {
    hold(accounts.customer().token(), UUID.randomUUID().toString(), 0);
    var key = UUID.randomUUID().toString();

    var refused = hold(customer, key, 0);
    var again = hold(customer, key, 0);

    assertThat(refused.status()).isEqualTo(409);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body()).isEqualTo(refused.body());
    assertThat(again.header("Idempotent-Replayed")).hasValue("true");
  }

  @Test
  void twentyParallelIdenticalHoldsMakeOneHold() throws Exception {
    var key = UUID.randomUUID().toString();
    var statuses = race(20, () -> hold(customer, key, 0));

    assertThat(statuses).hasSize(20).allMatch(s -> s == 201 || s == 409);
    assertThat(statuses).contains(201);
    assertThat(holds()).isEqualTo(1);
  }

  @Test
  void twentyParallelIdenticalOrdersMakeOneOrderAndOneAuthorization() throws Exception {
    var holdId = hold(customer, UUID.randomUUID().toString(), 0).json().get("holdId").asString();
    var key = UUID.randomUUID().toString();
    var body =
        "{\"holdId\":\"" + holdId + "\",\"payment\":{\"method\":\"card\",\"token\":\"tok_ok\"}}";

    var statuses = race(20, () -> post("/api/v1/orders", customer, key, body));

    assertThat(statuses).hasSize(20).allMatch(s -> s == 201 || s == 409);
    assertThat(jdbc.queryForObject("select count(*) from customer_order", Integer.class))
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from payment_operation where operation = 'AUTHORIZE'",
                Integer.class))
        .isEqualTo(1);
    var replay = post("/api/v1/orders", customer, key, body);
    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.header("Idempotent-Replayed")).hasValue("true");
  }

  @Test
  void anOrderClaimLeftByADeadRequestIsTakenOverButALiveOneIsNot() {
    var holdId = hold(customer, UUID.randomUUID().toString(), 0).json().get("holdId").asString();
    var body =
        "{\"holdId\":\"" + holdId + "\",\"payment\":{\"method\":\"card\",\"token\":\"tok_ok\"}}";
    var account =
        jdbc.queryForObject("select customer_id from hold where id = ?::uuid", UUID.class, holdId);
    var fingerprint = IdempotencyFilter.fingerprint("POST", "/api/v1/orders", body.getBytes());
    jdbc.update(
        "insert into idempotency_key (account_id, key, method, path, fingerprint, status, created_at)"
            + " values (?, 'live', 'POST', '/api/v1/orders', ?, 'IN_FLIGHT', now())",
        account,
        fingerprint);
    jdbc.update(
        "insert into idempotency_key (account_id, key, method, path, fingerprint, status, created_at)"
            + " values (?, 'dead', 'POST', '/api/v1/orders', ?, 'IN_FLIGHT', now() - interval '10 minutes')",
        account,
        fingerprint);

    assertThat(post("/api/v1/orders", customer, "live", body).status()).isEqualTo(409);
    assertThat(post("/api/v1/orders", customer, "dead", body).status()).isEqualTo(201);
  }

  @Test
  void keysOlderThanTheRetentionArePurged() {
    var key = UUID.randomUUID().toString();
    hold(customer, key, 0);
    jdbc.update(
        "update idempotency_key set created_at = now() - interval '25 hours' where key = ?", key);
    var fresh = UUID.randomUUID().toString();
    hold(customer, fresh, 1);

    assertThat(keys.purge()).isEqualTo(1);
    assertThat(
            jdbc.queryForList(
                "select key from idempotency_key where key in (?, ?)", String.class, key, fresh))
        .containsExactly(fresh);
  }

  private static List<Integer> race(int clients, java.util.function.Supplier<Api.Response> request)
      throws Exception {
    var start = new CountDownLatch(1);
    var futures = new ArrayList<Future<Integer>>();
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < clients; i++) {
        futures.add(
            threads.submit(
                () -> {
                  start.await();
                  return request.get().status();
                }));
      }
      start.countDown();
      var statuses = new ArrayList<Integer>();
      for (var future : futures) {
        statuses.add(future.get());
      }
      return statuses;
    }
  }
}
