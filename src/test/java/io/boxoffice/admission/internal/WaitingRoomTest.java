package io.boxoffice.admission.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.catalog.EventId;
import io.boxoffice.catalog.NewEvent;
import io.boxoffice.identity.AccountId;
import io.boxoffice.test.IntegrationTest;
import io.boxoffice.test.TestApplications;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The waiting room in Redis, driven through its components with explicit clock readings. */
class WaitingRoomTest extends IntegrationTest {

  @Autowired WaitingRoom room;
  @Autowired Admitter admitter;
  @Autowired QueuePolicies policies;
  @Autowired StringRedisTemplate redis;
  @Autowired ConfigurableApplicationContext app;

  private static AccountId anyone() {
    return new AccountId(UUID.randomUUID());
  }

  private QueuePolicy queuedEvent(Instant onSaleAt, int perMinute, int maxActive) {
    var event =
        TestApplications.eventWithQueue(
            app,
            TestApplications.organizer(app),
            2,
            10,
            onSaleAt,
            new NewEvent.Queue(true, null, perMinute, maxActive, 600));
    return policies.current(event).orElseThrow();
  }

  @Test
  void aHundredThousandJoinsGetAHundredThousandDistinctPlacesAndRejoiningKeepsYours()
      throws Exception {
    var event = EventId.random();
    var now = Instant.now();
    var accounts = IntStream.range(0, 100_000).mapToObj(i -> anyone()).toList();
    var entries = new UUID[accounts.size()];
    // many concurrent callers on one shared Lettuce connection: the commands are pipelined
    try (var pool = Executors.newFixedThreadPool(64, Thread.ofVirtual().factory())) {
      var batches = new ArrayList<java.util.concurrent.Future<?>>();
      for (int b = 0; b < 64; b++) {
        int batch = b;
        batches.add(
            pool.submit(
                () -> {
                  for (int i = batch; i < accounts.size(); i += 64) {
                    var joined = room.join(event, accounts.get(i), false, now);
                    assertThat(joined.created()).isTrue();
                    entries[i] = joined.entryId();
                  }
                }));
      }
      for (var f : batches) {
        f.get();
      }
    }
    var keys = new QueueKeys(event);
    var line = redis.opsForZSet().range(keys.line(), 0, -1);
    assertThat(line).hasSize(100_000);
    assertThat(List.of(entries)).doesNotContainNull().doesNotHaveDuplicates();
    assertThat(redis.opsForHash().size(keys.accounts())).isEqualTo(100_000);

    var random = new Random(7);
    for (int n = 0; n < 1_000; n++) {
      int i = random.nextInt(accounts.size());
      var before = room.entry(event, entries[i]).orElseThrow().position();
      var again = room.join(event, accounts.get(i), false, now.plusSeconds(5));
      assertThat(again).isEqualTo(new WaitingRoom.Joined(entries[i], false));
      assertThat(room.entry(event, entries[i]).orElseThrow().position()).isEqualTo(before);
    }
    assertThat(redis.opsForZSet().zCard(keys.line())).isEqualTo(100_000);
    redis.delete(keys.all());
  }

  @Test
  void earlyArrivalsAreDrawnAtTheStartAndLaterOnesQueueInArrivalOrder() {
    var start = Instant.now().plus(Duration.ofDays(1));
    var policy = queuedEvent(start, 600, 1_000);
    var event = policy.event();
    var early = new ArrayList<UUID>();
    for (int i = 0; i < 30; i++) {
      early.add(room.join(event, anyone(), true, start.minusSeconds(60 - i)).entryId());
    }
    assertThat(room.entry(event, early.getFirst()).orElseThrow().awaitingDraw()).isTrue();
    // arrives after the start but before the admitter has drawn: still behind every early one
    var late = new ArrayList<UUID>();
    late.add(room.join(event, anyone(), false, start.plusMillis(10)).entryId());

    admitter.draw(event);
    for (int i = 0; i < 5; i++) {
      late.add(room.join(event, anyone(), false, start.plusSeconds(1 + i)).entryId());
    }

    var recorded =
        jdbc.queryForObject(
            "select seed from queue_draw where event_id = ?", String.class, event.value());
    var drawn = Draw.of(recorded, early).order();
    var expected = new ArrayList<UUID>(drawn);
    expected.addAll(late);
    var line =
        redis.opsForZSet().range(new QueueKeys(event).line(), 0, -1).stream()
            .map(UUID::fromString)
            .toList();
    assertThat(line).containsExactlyElementsOf(expected);
    assertThat(drawn).isNotEqualTo(early); // 30! orders: arrival order survives with p ≈ 4e-33
    assertThat(room.entry(event, drawn.get(4)).orElseThrow().position()).isEqualTo(5);

    // drawing again (a new admitter after a crash) changes nothing
    admitter.draw(event);
    assertThat(
            redis.opsForZSet().range(new QueueKeys(event).line(), 0, -1).stream()
                .map(UUID::fromString)
                .toList())
        .containsExactlyElementsOf(expected);
  }

  @Test
  void sixHundredPerMinuteAdmitsSixHundredPerMinuteOverTwoMinutes() {
    var start = Instant.now().minusSeconds(1);
    var policy = queuedEvent(start, 600, 100_000);
    var event = policy.event();
    for (int i = 0; i < 2_000; i++) {
      room.join(event, anyone(), false, start);
    }
    // the admitter's runs come at irregular intervals (a busy machine, a failover)
    var random = new Random(42);
    var now = start.plusSeconds(1);
    var end = now.plus(Duration.ofMinutes(2));
    admitter.admit(policy, now); // starts the pace
    long admitted = 0;
    while (now.isBefore(end)) {
      now = now.plusMillis(200 + random.nextInt(1_300));
      if (now.isAfter(end)) {
        now = end;
      }
      admitted += admitter.admit(policy, now).size();
    }
    assertThat(admitted).isBetween(1_140L, 1_260L); // 1,200 ± 5 %
  }

  @Test
  void noMoreThanTheCapShopAtOnceAndBuyingOrExpiringMakesRoom() {
    var start = Instant.now().minusSeconds(1);
    var policy = queuedEvent(start, 60_000, 5);
    var event = policy.event();
    var accounts = new ArrayList<AccountId>();
    for (int i = 0; i < 20; i++) {
      accounts.add(anyone());
      room.join(event, accounts.getLast(), false, start);
    }
    var now = start.plusSeconds(1);
    admitter.admit(policy, now);
    var first = admitter.admit(policy, now.plusSeconds(1));
    assertThat(room.activeShoppers(event, now.plusSeconds(1))).isEqualTo(5);
    assertThat(admitter.admit(policy, now.plusSeconds(2))).isEmpty();

    room.leave(event, first.getFirst().account()); // bought
    assertThat(admitter.admit(policy, now.plusSeconds(3))).hasSize(1);

    // ten minutes later every admission has expired: five more come in
    var later = now.plus(Duration.ofMinutes(10)).plusSeconds(5);
    assertThat(admitter.admit(policy, later)).hasSize(5);
    assertThat(room.activeShoppers(event, later)).isEqualTo(5);
  }
}
