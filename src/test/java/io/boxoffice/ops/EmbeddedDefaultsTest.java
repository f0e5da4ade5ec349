package io.boxoffice.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.BoxofficeApplication;
import io.boxoffice.catalog.Catalog;
import io.boxoffice.catalog.EventQuery;
import io.boxoffice.catalog.EventSummary;
import io.boxoffice.catalog.StockLevels;
import io.boxoffice.identity.Accounts;
import io.boxoffice.test.Api;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The quick start: with nothing configured the service starts its own PostgreSQL and Redis, seeds
 * the demo, and finds the same data after a restart.
 */
class EmbeddedDefaultsTest {

  @TempDir Path dataDir;

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(BoxofficeApplication.class)
        .properties(
            Map.of(
                "spring.datasource.url", "",
                "boxoffice.redis.url", "",
                "boxoffice.embedded.data-dir", dataDir.toString(),
                "server.port", "0",
                "logging.structured.format.console", ""))
        .run();
  }

  @Test
  void startsOnEmbeddedServicesWithTheDemoAndKeepsItsDataAcrossRestarts() {
    String firstIds;
    try (var app = start()) {
      var events = app.getBean(Catalog.class).search(new EventQuery(null, null, null, null, 0, 10));
      assertThat(events.items())
          .extracting(EventSummary::title)
          .containsExactlyInAnyOrder("Hamlet", "Night Drive Live", "Cup Final");
      var stock =
          app.getBean(StockLevels.class).of(events.items().stream().map(EventSummary::id).toList());
      assertThat(stock.values())
          .extracting(StockLevels.Stock::total)
          .containsExactlyInAnyOrder(1_200, 5_000, 50_000);
      assertThat(app.getBean(Accounts.class).findByEmail("organizer@demo.boxoffice.io"))
          .isPresent();

      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      var api = new Api(port);
      var listed = api.get("/api/v1/events");
      assertThat(listed.status()).isEqualTo(200);
      assertThat(listed.json().get("totalItems").asInt()).isEqualTo(3);
      var token =
          api.post(
              "/api/v1/auth/token",
              null,
              Map.of("email", "customer@demo.boxoffice.io", "password", "boxoffice-demo"));
      assertThat(token.status()).isEqualTo(200);
      firstIds = listed.json().get("items").toString();
    }
    assertThat(dataDir.resolve("postgres")).isDirectory();

    try (var app = start()) {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      var listed = new Api(port).get("/api/v1/events");
      assertThat(listed.json().get("totalItems").asInt()).isEqualTo(3);
      assertThat(listed.json().get("items").toString()).isEqualTo(firstIds);
    }
  }
}
