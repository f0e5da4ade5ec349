package io.boxoffice.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.test.Api;
import io.boxoffice.test.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The alerting rules and the dashboard parse, and every metric they use is exposed. */
class MonitoringFilesTest extends IntegrationTest {

  private static final Pattern METRIC =
      Pattern.compile("\\b(boxoffice_[a-z_]+?)(?:_bucket|_total)?\\b");

  @Test
  void alertRulesAndDashboardOnlyUseMetricsTheServiceExposes() throws Exception {
    @SuppressWarnings("unchecked")
    var rules =
        (Map<String, List<Map<String, Object>>>)
            new Yaml().load(Files.readString(Path.of("ops/prometheus/boxoffice-alerts.yml")));
    var dashboard =
        Api.JSON.readTree(Files.readString(Path.of("ops/grafana/boxoffice-onsale.json")));
    assertThat(rules.get("groups")).isNotEmpty();
    assertThat(dashboard.get("panels")).isNotEmpty();

    var used = new TreeSet<String>();
    var text =
        Files.readString(Path.of("ops/prometheus/boxoffice-alerts.yml"))
            + Files.readString(Path.of("ops/grafana/boxoffice-onsale.json"));
    var matcher = METRIC.matcher(text);
    while (matcher.find()) {
      used.add(matcher.group(1));
    }
    // an event on sale and one refused hold make every per-event and per-reason series appear
    var event =
        catalog.onSale(
            accounts.organizer().token(),
            "Watched",
            "Oslo",
            List.of(io.boxoffice.test.TestCatalog.seated("A", 1, 2)));
    api.post(
        "/api/v1/events/" + event + "/holds",
        accounts.customer().token(),
        Map.of("seats", List.of(java.util.UUID.randomUUID())));

    // and one purchase makes the payment and order series appear
    var customer = accounts.customer().token();
    var seat = io.boxoffice.test.TestCatalog.seatIds(jdbc, event).getFirst();
    var hold =
        api.post("/api/v1/events/" + event + "/holds", customer, Map.of("seats", List.of(seat)))
            .json()
            .get("holdId")
            .asString();
    api.post(
        "/api/v1/orders",
        customer,
        Map.of("holdId", hold, "payment", Map.of("method", "card", "token", "tok_ok")));

    assertThat(used)
        .contains(
            "boxoffice_invariant_violations",
            "boxoffice_event_seats",
            "boxoffice_orders_stuck",
            "boxoffice_reconciliation_mismatches",
            "boxoffice_saga_step_seconds");
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(25))
        .untilAsserted(
            () -> {
              var scrape = api.get("/actuator/prometheus").body();
              for (var metric : used) {
                assertThat(scrape)
                    .as(metric)
                    .containsPattern("(?m)^" + metric + "(_bucket|_total|_count)?[{ ]");
              }
            });
  }
}
