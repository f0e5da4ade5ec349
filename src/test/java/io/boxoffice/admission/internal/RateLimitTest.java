package io.boxoffice.admission.internal;

import static io.boxoffice.test.TestCatalog.seated;
import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.test.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Rate limits on Redis: 429 with Retry-After over the limit, and the limit refills. */
@TestPropertySource(
    properties = {
      "boxoffice.rate-limits.enabled=true",
      "boxoffice.rate-limits.rules.holds.per-account=3",
      "boxoffice.rate-limits.rules.holds.period=2s",
      "boxoffice.rate-limits.rules.registration.per-address=2",
      "boxoffice.rate-limits.rules.registration.period=3s",
      "boxoffice.rate-limits.rules.login.per-address=1000"
    })
class RateLimitTest extends IntegrationTest {

  @Test
  void oneAccountsFourthHoldInTwoSecondsIsRefusedUntilTheLimitRefills() throws Exception {
    var event =
        catalog.onSale(accounts.organizer().token(), "Limits", "Oslo", List.of(seated("A", 2, 10)));
    var seats = catalog.seatIds(jdbc, event);
    var fan = accounts.customer();
    for (int i = 0; i < 3; i++) {
      var hold =
          api.post(
              "/api/v1/events/" + event + "/holds",
              fan.token(),
              Map.of("seats", List.of(seats.get(i))));
      assertThat(hold.status()).as(hold.body()).isEqualTo(201);
    }
    var refused =
        api.post(
            "/api/v1/events/" + event + "/holds",
            fan.token(),
            Map.of("seats", List.of(seats.get(3))));
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    var retryAfter = Long.parseLong(refused.header("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 2L);
    assertThat(jdbc.queryForObject("select count(*) from hold", Integer.class)).isEqualTo(3);

    // another account is not affected
    var other = accounts.customer();
    assertThat(
            api.post(
                    "/api/v1/events/" + event + "/holds",
                    other.token(),
                    Map.of("seats", List.of(seats.get(4))))
                .status())
        .isEqualTo(201);

    Thread.sleep(retryAfter * 1000);
    assertThat(
            api.post(
                    "/api/v1/events/" + event + "/holds",
                    fan.token(),
                    Map.of("seats", List.of(seats.get(3))))
                .status())
        .isEqualTo(201);
  }

  @Test
  void registrationsFromOneAddressAreLimited() throws Exception {
    Thread.sleep(3_000); // a bucket an earlier run left for this address has refilled
    for (int i = 0; i < 2; i++) {
      assertThat(register().status()).isEqualTo(201);
    }
    var refused = register();
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).isPresent();
    assertThat(refused.json().get("type").asString()).endsWith("/rate-limited");
  }

  private io.boxoffice.test.Api.Response register() {
    return api.post(
        "/api/v1/accounts",
        null,
        Map.of(
            "email", "limited-" + UUID.randomUUID() + "@test.boxoffice.io",
            "password", "long enough password",
            "displayName", "Limited"));
  }
}
