package io.boxoffice.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.test.IntegrationTest;
import org.junit.jupiter.api.Test;

class OperationsTest extends IntegrationTest {

  @Test
  void livenessAndReadinessAreUp() {
    var liveness = api.get("/actuator/health/liveness");
    var readiness = api.get("/actuator/health/readiness");

    assertThat(liveness.status()).isEqualTo(200);
    assertThat(liveness.json().get("status").asString()).isEqualTo("UP");
    assertThat(readiness.status()).isEqualTo(200);
    assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
  }

  @Test
  void exposesPrometheusMetrics() {
    api.get("/api/v1/events");

    var metrics = api.get("/actuator/prometheus");

    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("http_server_requests_seconds_count")
        .contains("hikaricp_connections");
  }

  @Test
  void openApiDescribesTheContract() {
    var docs = api.get("/v3/api-docs");

    assertThat(docs.status()).isEqualTo(200);
    var paths = docs.json().get("paths");
    for (var path :
        new String[] {
          "/api/v1/accounts",
          "/api/v1/auth/token",
          "/api/v1/me",
          "/api/v1/events",
          "/api/v1/events/{eventId}",
          "/api/v1/events/{eventId}/seatmap",
          "/api/v1/events/{eventId}/availability",
          "/api/v1/venues",
          "/api/v1/venues/{venueId}",
          "/api/v1/events/{eventId}/publish",
          "/api/v1/events/{eventId}/cancel",
          "/api/v1/events/{eventId}/holds",
          "/api/v1/holds/{holdId}",
          "/api/v1/events/{eventId}/availability/stream",
          "/api/v1/orders",
          "/api/v1/orders/{orderId}",
          "/api/v1/me/orders",
          "/api/v1/orders/{orderId}/refund",
          "/api/v1/orders/{orderId}/cancel"
        }) {
      assertThat(paths.has(path)).as(path).isTrue();
    }
    assertThat(docs.body()).contains("tok_ok", "Grand Theatre", "bestAvailable", "ada@example.com");
    assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
  }

  @Test
  void theSeatMapIsCachedByItsEtag() {
    var id =
        catalog.onSale(
            accounts.organizer().token(),
            "Show",
            "Rome",
            java.util.List.of(io.boxoffice.test.TestCatalog.seated("A", 2, 3)));
    var first = api.get("/api/v1/events/" + id + "/seatmap");
    var etag = first.header("ETag").orElseThrow();

    var again =
        api.send(
            api.request("/api/v1/events/" + id + "/seatmap", null)
                .header("If-None-Match", etag)
                .GET());

    assertThat(first.json().get("seatCount").asInt()).isEqualTo(6);
    assertThat(first.header("Cache-Control").orElseThrow()).contains("max-age");
    assertThat(again.status()).isEqualTo(304);
  }
}
