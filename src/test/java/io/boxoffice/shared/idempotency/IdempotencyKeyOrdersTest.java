package io.boxoffice.shared.idempotency;

import static io.boxoffice.shared.idempotency.IdempotencyKeyTest.post;
import static io.boxoffice.shared.idempotency.IdempotencyKeyTest.problemType;
import static io.boxoffice.shared.idempotency.IdempotencyKeyTest.race;
import static io.boxoffice.test.TestCatalog.seatIds;
import static io.boxoffice.test.TestCatalog.seated;
import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.test.Api;
import io.boxoffice.test.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Idempotency-Key contract on the order endpoints, which call the payment provider and so run
 * claim-then-complete: the key is claimed before the purchase and completed after it, a live claim
 * answers 409, and a claim left by a request that died is taken over.
 */
class IdempotencyKeyOrdersTest extends IntegrationTest {

  private String customer;
  private UUID account;
  private String holdId;
  private String order;

  @BeforeEach
  void aCustomerWithAHold() {
    var eventId =
        catalog.onSale(accounts.organizer().token(), "Keys", "Oslo", List.of(seated("A", 1, 4)));
    var seat = seatIds(jdbc, eventId).getFirst();
    customer = accounts.customer().token();
    var hold =
        post(
            api,
            "/api/v1/events/" + eventId + "/holds",
            customer,
            UUID.randomUUID().toString(),
            "{\"seats\":[\"" + seat + "\"]}");
    assertThat(hold.status()).as(hold.body()).isEqualTo(201);
    holdId = hold.json().get("holdId").asString();
    account =
        jdbc.queryForObject("select customer_id from hold where id = ?::uuid", UUID.class, holdId);
    order =
        "{\"holdId\":\"" + holdId + "\",\"payment\":{\"method\":\"card\",\"token\":\"tok_ok\"}}";
  }

  private Api.Response buy(String key) {
    return post(api, "/api/v1/orders", customer, key, order);
  }

  private int count(String sql) {
    return jdbc.queryForObject(sql, Integer.class);
  }

  private void claimedAgo(String key, String age) {
    jdbc.update(
        "insert into idempotency_key (account_id, key, method, path, fingerprint, status, claim,"
            + " created_at) values (?, ?, 'POST', '/api/v1/orders', ?, 'IN_FLIGHT', ?,"
            + " now() - ?::interval)",
        account,
        key,
        IdempotentCall.fingerprint(
            "POST", "/api/v1/orders", order.getBytes(StandardCharsets.UTF_8)),
        UUID.randomUUID(),
        age);
  }

  @Test
  void aPurchaseWithoutAKeyIsRefusedAndNothingHappens() {
    var response = buy(null);

    assertThat(response.status()).isEqualTo(400);
    assertThat(problemType(response)).isEqualTo("idempotency-key-missing");
    assertThat(count("select count(*) from customer_order")).isZero();
  }

  @Test
  void twentyParallelIdenticalPurchasesMakeOneOrderAndOneAuthorization() throws Exception {
    var key = UUID.randomUUID().toString();

    var tally = IdempotencyKeyTest.Tally.of(race(20, () -> buy(key)), 201);

    assertThat(tally.originals()).hasSize(1);
    assertThat(tally.originals().size() + tally.replays().size() + tally.inFlight()).isEqualTo(20);
    assertThat(count("select count(*) from customer_order")).isEqualTo(1);
    assertThat(count("select count(*) from payment_operation where operation = 'AUTHORIZE'"))
        .isEqualTo(1);
    var replay = buy(key);
    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.body()).isEqualTo(tally.originals().getFirst().body());
    assertThat(replay.header("Location"))
        .isEqualTo(tally.originals().getFirst().header("Location"));
    assertThat(replay.header("Idempotent-Replayed")).hasValue("true");
  }

  @Test
  void aLiveClaimIsInFlight() {
    claimedAgo("live", "1 minute");

    var response = buy("live");

    assertThat(response.status()).isEqualTo(409);
    assertThat(problemType(response)).isEqualTo("idempotency-key-in-flight");
    assertThat(count("select count(*) from customer_order")).isZero();
  }

  @Test
  void aClaimLeftByARequestThatDiedIsTakenOver() {
    claimedAgo("dead", "10 minutes");

    var response = buy("dead");

    assertThat(response.status()).as(response.body()).isNotEqualTo(409).isEqualTo(201);
    assertThat(
            jdbc.queryForObject(
                "select status from idempotency_key where key = 'dead'", String.class))
        .isEqualTo("DONE");
    assertThat(buy("dead").header("Idempotent-Replayed")).hasValue("true");
  }

  @Test
  void aRefusedCancellationIsStoredAndReplayed() {
    var key = UUID.randomUUID().toString();
    var path = "/api/v1/orders/" + UUID.randomUUID() + "/cancel";

    var refused = post(api, path, customer, key, "");
    var again = post(api, path, customer, key, "");

    assertThat(refused.status()).isEqualTo(404);
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.body()).isEqualTo(refused.body());
    assertThat(again.header("Idempotent-Replayed")).hasValue("true");
  }

  @Test
  void aKeyUsedForAHoldCannotBuy() {
    var key = UUID.randomUUID().toString();
    jdbc.update(
        "insert into idempotency_key (account_id, key, method, path, fingerprint, status,"
            + " response_status) values (?, ?, 'POST', '/api/v1/events/x/holds', 'f', 'DONE', 201)",
        account,
        key);

    var response = buy(key);

    assertThat(response.status()).isEqualTo(422);
    assertThat(problemType(response)).isEqualTo("idempotency-key-reused");
    assertThat(count("select count(*) from customer_order")).isZero();
  }
}
