package io.boxoffice.admission.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.boxoffice.catalog.NewEvent;
import io.boxoffice.identity.AccountId;
import io.boxoffice.test.IntegrationTest;
import io.boxoffice.test.TestApplications;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Two instances with the admitter on: one admits at a time, and the other takes over. */
class AdmitterFailoverTest extends IntegrationTest {

  private static final Map<String, String> ADMITTING =
      Map.of(
          "boxoffice.admission.admitter.enabled", "true",
          "boxoffice.admission.admitter.interval", "200ms",
          "boxoffice.admission.lease", "2s",
          // its own lease: another deployment on this Redis (a benchmark) must not be the admitter
          "boxoffice.admission.lease-key",
              "boxoffice-test-" + ProcessHandle.current().pid() + ":admitter",
          "boxoffice.rate-limits.enabled", "false",
          "boxoffice.security.token-secret", TOKEN_SECRET);

  @Autowired StringRedisTemplate redis;

  private static long admitted(ConfigurableApplicationContext app) {
    return app.getBean(Admitter.class).admittedHere();
  }

  @Test
  void exactlyOneInstanceAdmitsAndAdmissionGoesOnWhenItStops() {
    var first = TestApplications.start(ADMITTING);
    var second = TestApplications.start(ADMITTING);
    try {
      var event =
          TestApplications.eventWithQueue(
              first,
              TestApplications.organizer(first),
              2,
              10,
              Instant.now().minusSeconds(1),
              new NewEvent.Queue(true, null, 600, 10_000, 600));
      var room = first.getBean(WaitingRoom.class);
      for (int i = 0; i < 400; i++) {
        room.join(event, new AccountId(UUID.randomUUID()), false, Instant.now());
      }

      var admitters =
          Map.of(first, first.getBean(Admitter.class), second, second.getBean(Admitter.class));
      await().atMost(Duration.ofSeconds(20)).until(() -> admitted(first) + admitted(second) >= 20);
      var leader = admitted(first) > 0 ? first : second;
      var standby = leader == first ? second : first;
      assertThat(admitted(standby)).as("the standby admits nobody").isZero();

      leader.close();
      await().atMost(Duration.ofSeconds(20)).until(() -> admitted(standby) >= 20);
      standby.close();

      // every admission was counted by exactly one instance and is in Redis exactly once
      var total = admitters.get(leader).admittedHere() + admitters.get(standby).admittedHere();
      var keys = new QueueKeys(event);
      assertThat(redis.opsForHash().size(keys.admitted())).isEqualTo(total);
      assertThat(redis.opsForZSet().zCard(keys.line()) + total).isEqualTo(400);
      redis.delete(keys.all());
    } finally {
      first.close();
      second.close();
    }
  }
}
