package io.boxoffice.admission.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.boxoffice.catalog.NewEvent;
import io.boxoffice.identity.Accounts;
import io.boxoffice.identity.Role;
import io.boxoffice.test.Api;
import io.boxoffice.test.IntegrationTest;
import io.boxoffice.test.TcpProxy;
import io.boxoffice.test.TestApplications;
import io.boxoffice.test.TestServices;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An instance whose Redis goes away (a proxy in front of it is cut): browsing and holding with an
 * admission token already issued go on, joining the queue answers 503 with Retry-After, and when
 * Redis is back nobody is admitted a second time.
 */
class RedisOutageTest extends IntegrationTest {

  @Test
  void withoutRedisTheSaleGoesOnForAdmittedShoppersAndTheQueueAsksToComeBack() {
    var redisUri = URI.create(TestServices.redisUrl());
    try (var proxy = TcpProxy.to(redisUri.getHost(), redisUri.getPort())) {
      var app =
          TestApplications.start(
              Map.of(
                  "boxoffice.redis.url",
                  "redis://127.0.0.1:" + proxy.port(),
                  "boxoffice.admission.admitter.enabled",
                  "false",
                  "boxoffice.security.token-secret",
                  TOKEN_SECRET));
      try {
        run(app, proxy);
      } finally {
        app.close();
      }
    }
  }

  private String signIn(ConfigurableApplicationContext app, Api api) {
    var email = "fan-" + UUID.randomUUID() + "@test.boxoffice.io";
    app.getBean(Accounts.class).register(email, "long enough password", "Fan", Role.CUSTOMER);
    return api.post(
            "/api/v1/auth/token", null, Map.of("email", email, "password", "long enough password"))
        .json()
        .get("accessToken")
        .asString();
  }

  private void run(ConfigurableApplicationContext app, TcpProxy proxy) {
    var api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
    var event =
        TestApplications.eventWithQueue(
            app,
            TestApplications.organizer(app),
            2,
            10,
            Instant.now().minusSeconds(1),
            new NewEvent.Queue(true, null, 600, 100, 600));
    var fan = signIn(app, api);
    var late = signIn(app, api);
    var queueId =
        api.post("/api/v1/events/" + event + "/queue", fan, Map.of())
            .json()
            .get("queueId")
            .asString();
    var admitter = app.getBean(Admitter.class);
    var policy = app.getBean(QueuePolicies.class).current(event).orElseThrow();
    admitter.admit(policy, Instant.now());
    admitter.admit(policy, Instant.now().plusSeconds(1));
    var token =
        api.get("/api/v1/events/" + event + "/queue/" + queueId, fan)
            .json()
            .get("admissionToken")
            .asString();

    proxy.cut();
    try {
      assertThat(api.get("/api/v1/events/" + event).status()).isEqualTo(200);
      assertThat(api.get("/api/v1/events/" + event + "/availability").status()).isEqualTo(200);

      var join = api.post("/api/v1/events/" + event + "/queue", late, Map.of());
      assertThat(join.status()).as(join.body()).isEqualTo(503);
      assertThat(join.header("Retry-After")).contains("5");
      assertThat(join.contentType()).startsWith("application/problem+json");

      var seat = catalog.seatIds(jdbc, event.toString()).get(0);
      var hold =
          api.send(
              api.request("/api/v1/events/" + event + "/holds", fan)
                  .header("Content-Type", "application/json")
                  .header("Idempotency-Key", UUID.randomUUID().toString())
                  .header(AdmissionFilter.HEADER, token)
                  .POST(HttpRequest.BodyPublishers.ofString("{\"seats\": [\"" + seat + "\"]}")));
      assertThat(hold.status()).as(hold.body()).isEqualTo(201);
    } finally {
      proxy.restore();
    }

    // back: the admitted fan is not admitted again; the queue takes new visitors
    var rejoin =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> api.post("/api/v1/events/" + event + "/queue", late, Map.of()),
                response -> response.status() != 503);
    assertThat(rejoin.status()).as(rejoin.body()).isEqualTo(201);
    assertThat(admitter.admit(policy, Instant.now().plusSeconds(3)))
        .extracting(WaitingRoom.Admitted::entryId)
        .containsExactly(UUID.fromString(rejoin.json().get("queueId").asString()));
    assertThat(
            api.get("/api/v1/events/" + event + "/queue/" + queueId, fan)
                .json()
                .get("status")
                .asString())
        .isEqualTo("ADMITTED");
  }
}
