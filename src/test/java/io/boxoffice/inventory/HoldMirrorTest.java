package io.boxoffice.inventory;

import static io.boxoffice.test.TestCatalog.seatIds;
import static io.boxoffice.test.TestCatalog.seated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.boxoffice.test.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Redis mirrors each live hold with its TTL (for fast checks only; nothing decides on it). */
class HoldMirrorTest extends IntegrationTest {

  @Autowired StringRedisTemplate redis;

  @Test
  void aHoldIsMirroredWithItsTtlUntilItIsReleased() {
    var eventId =
        catalog.onSale(accounts.organizer().token(), "Mirror", "Oslo", List.of(seated("A", 1, 3)));
    var customer = accounts.customer().token();
    var hold =
        api.post(
                "/api/v1/events/" + eventId + "/holds",
                customer,
                Map.of("seats", seatIds(jdbc, eventId).subList(0, 1)))
            .json()
            .get("holdId")
            .asString();
    var key = "boxoffice:hold:{event:" + eventId + "}:" + hold;

    await().atMost(Duration.ofSeconds(5)).until(() -> Boolean.TRUE.equals(redis.hasKey(key)));
    assertThat(redis.getExpire(key)).isBetween(590L, 600L);

    api.send(api.request("/api/v1/holds/" + hold, customer).DELETE());
    await().atMost(Duration.ofSeconds(5)).until(() -> Boolean.FALSE.equals(redis.hasKey(key)));
  }
}
