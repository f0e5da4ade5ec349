package io.boxoffice.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.loadtest.app.LocalApp;
import io.boxoffice.loadtest.http.Json;
import io.boxoffice.loadtest.setup.Database;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The CI-sized run: the built application jar against a database of its own on the local
 * PostgreSQL, 500 users for 20 seats. Exactly 20 holds, 480 refusals, no errors, no violations;
 * then the checker must notice a hold the history claims but the database does not have.
 */
class SmokeTest {

  private static final Path APP_DIR = Path.of(System.getProperty("boxoffice.app.dir", "../target"));
  private static final Path WORK =
      Path.of(System.getProperty("boxoffice.loadtest.work", "target/smoke"));
  private static final Database SERVER =
      new Database("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void fiveHundredUsersForTwentySeatsGetExactlyTwentyHolds() throws Exception {
    var jar = LocalApp.findJar(APP_DIR);
    var out = WORK.resolve("contention");
    var log = new ByteArrayOutputStream();
    int status;
    try (var console = new PrintStream(log, true, StandardCharsets.UTF_8)) {
      status =
          Main.run(
              new String[] {
                "contention",
                "--start-app=" + jar,
                "--jdbc-url=" + SERVER.url(),
                "--users=500",
                "--seats=20",
                "--warmup=false",
                "--baselines=false",
                "--keep-db",
                "--out=" + out
              },
              console);
    }
    var manifest = Json.MAPPER.readValue(out.resolve("run.json").toFile(), RunManifest.class);
    var database = new Database(manifest.jdbcUrl(), "postgres", "");
    try {
      assertThat(status).as(log.toString(StandardCharsets.UTF_8)).isZero();
      var report = Json.MAPPER.readTree(out.resolve("report.json").toFile());
      var holds = report.get("operations").get(0);
      assertThat(holds.get("op").asString()).isEqualTo("hold");
      assertThat(holds.get("total").asLong()).isEqualTo(500);
      assertThat(holds.get("successes").asLong()).isEqualTo(20);
      assertThat(holds.get("rejections").asLong()).isEqualTo(480);
      assertThat(holds.get("errors").asLong()).isZero();
      assertThat(holds.get("reasons").properties())
          .singleElement()
          .satisfies(r -> assertThat(r.getKey()).isEqualTo("409 seats-unavailable"));
      assertThat(report.get("check").get("violations").asInt()).isZero();
      assertThat(Files.readAllLines(out.resolve("history.jsonl"))).hasSize(500);
      assertThat(out.resolve("report.md")).exists();
      assertThat(Files.readString(out.resolve("report.html")))
          .contains("<svg")
          .doesNotContain("<script");

      var tampered = WORK.resolve("tampered");
      Files.createDirectories(tampered);
      Files.copy(
          out.resolve("run.json"),
          tampered.resolve("run.json"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(
          tampered.resolve("history.jsonl"),
          Files.readString(out.resolve("history.jsonl")) + forgedHold(manifest) + "\n");
      var checkLog = new ByteArrayOutputStream();
      try (var console = new PrintStream(checkLog, true, StandardCharsets.UTF_8)) {
        assertThat(
                Main.run(
                    new String[] {"check", "--run-dir=" + tampered, "--settle-seconds=0"}, console))
            .isEqualTo(1);
      }
      assertThat(
              checkLog
                  .toString(StandardCharsets.UTF_8)
                  .lines()
                  .filter(l -> l.startsWith("VIOLATION")))
          .singleElement()
          .satisfies(l -> assertThat(l).startsWith("VIOLATION acknowledged-hold-missing: hold "));
    } finally {
      try (var connection = SERVER.connect();
          var statement = connection.createStatement()) {
        statement.execute("drop database if exists " + database.name() + " with (force)");
      }
    }
  }

  /** A general-admission hold "answered 201" that the server never made. */
  private static String forgedHold(RunManifest manifest) {
    long now = System.currentTimeMillis() * 1000;
    return Json.write(
        Map.of(
            "client",
            0,
            "op",
            "hold",
            "request",
            Map.of(
                "event",
                manifest.events().getFirst().toString(),
                "customer",
                UUID.randomUUID().toString()),
            "outcome",
            "ok",
            "status",
            201,
            "result",
            Map.of(
                "holdId", UUID.randomUUID().toString(),
                "quantity", 1,
                "section", UUID.randomUUID().toString(),
                "expiresAt", java.time.Instant.now().plusSeconds(600).toString()),
            "intendedMicros",
            now,
            "startMicros",
            now,
            "endMicros",
            now));
  }
}
