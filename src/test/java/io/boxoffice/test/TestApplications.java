package io.boxoffice.test;

import io.boxoffice.BoxofficeApplication;
import io.boxoffice.catalog.EventId;
import io.boxoffice.catalog.NewEvent;
import io.boxoffice.catalog.NewVenue;
import io.boxoffice.catalog.Organizing;
import io.boxoffice.catalog.SeatGenerator;
import io.boxoffice.identity.AccountId;
import io.boxoffice.identity.Accounts;
import io.boxoffice.identity.Role;
import io.boxoffice.shared.jdbc.Unnest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Extra instances of the service on the tests' database and Redis — a second node, or the same node
 * "after a restart" — and what tests need to set up a sale through the module APIs.
 */
public final class TestApplications {

  private TestApplications() {}

  /**
   * Starts an instance on a random port with the sweeper, the admitter and the rate limits off;
   * {@code overrides} win.
   */
  public static ConfigurableApplicationContext start(Map<String, String> overrides) {
    var database = TestServices.database();
    var properties = new HashMap<String, Object>();
    properties.put("spring.datasource.url", database.url());
    properties.put("spring.datasource.username", database.username());
    properties.put("spring.datasource.password", database.password());
    properties.put("boxoffice.redis.url", TestServices.redisUrl());
    properties.put("server.port", "0");
    properties.put("boxoffice.inventory.sweeper.enabled", "false");
    properties.put("boxoffice.admission.admitter.enabled", "false");
    properties.put("boxoffice.rate-limits.enabled", "false");
    properties.put("boxoffice.payments.simulated.latency", "0ms");
    properties.put("logging.structured.format.console", "");
    properties.put(
        "boxoffice.mail.catch-dir", System.getProperty("java.io.tmpdir") + "/boxoffice-test-mail");
    properties.putAll(overrides);
    // as command-line arguments, so they win over application.yml (server.port: ${PORT:8080})
    return new SpringApplicationBuilder(BoxofficeApplication.class)
        .run(
            properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new));
  }

  public static AccountId organizer(ConfigurableApplicationContext app) {
    var email = "organizer-" + UUID.randomUUID() + "@test.boxoffice.io";
    return app.getBean(Accounts.class)
        .register(email, "long enough password", "O", Role.ORGANIZER)
        .id();
  }

  /** Customers straight in the table (no password hashing): they hold through the module API. */
  public static List<AccountId> customers(JdbcTemplate jdbc, int count) {
    var ids = new ArrayList<AccountId>(count);
    var uuids = new ArrayList<UUID>(count);
    var emails = new ArrayList<String>(count);
    for (int i = 0; i < count; i++) {
      var id = UUID.randomUUID();
      ids.add(new AccountId(id));
      uuids.add(id);
      emails.add("fan-" + id + "@test.boxoffice.io");
    }
    Unnest.update(
        jdbc,
        """
        insert into app_user (id, email, display_name, password_hash, role)
        select id, email, 'Fan', '{noop}unusable', 'CUSTOMER'
        from unnest(?::uuid[], ?::text[]) as t(id, email)
        """,
        Unnest.column("uuid", uuids),
        Unnest.column("text", emails));
    return ids;
  }

  /**
   * An event on sale for an hour already, starting in three days, at a new venue of {@code rows} ×
   * {@code seatsPerRow} seats (plus a general-admission floor if {@code floor} > 0), one tier of 10
   * EUR.
   */
  public static EventId eventOnSale(
      ConfigurableApplicationContext app,
      AccountId organizer,
      int rows,
      int seatsPerRow,
      int floor,
      Integer maxTicketsPerCustomer) {
    return event(
        app,
        organizer,
        rows,
        seatsPerRow,
        floor,
        maxTicketsPerCustomer,
        Instant.now().minus(Duration.ofHours(1)),
        null);
  }

  /**
   * Like {@link #eventOnSale}, selling through a waiting room from {@code onSaleAt} (the pre-queue
   * opens when the event is published unless the queue says otherwise).
   */
  public static EventId eventWithQueue(
      ConfigurableApplicationContext app,
      AccountId organizer,
      int rows,
      int seatsPerRow,
      Instant onSaleAt,
      NewEvent.Queue queue) {
    return event(app, organizer, rows, seatsPerRow, 0, null, onSaleAt, queue);
  }

  private static EventId event(
      ConfigurableApplicationContext app,
      AccountId organizer,
      int rows,
      int seatsPerRow,
      int floor,
      Integer maxTicketsPerCustomer,
      Instant onSaleAt,
      NewEvent.Queue queue) {
    var organizing = app.getBean(Organizing.class);
    var sections = new ArrayList<NewVenue.Section>();
    sections.add(NewVenue.Section.generated("Stalls", SeatGenerator.grid(rows, seatsPerRow)));
    if (floor > 0) {
      sections.add(NewVenue.Section.generalAdmission("Floor", floor));
    }
    var venue = organizing.createVenue(organizer, new NewVenue("Hall", "Oslo", null, sections));
    var ids = organizing.sections(organizer, venue).stream().map(s -> s.id()).toList();
    var now = Instant.now();
    var event =
        organizing.createEvent(
            organizer,
            new NewEvent(
                venue.value(),
                "Test sale",
                null,
                null,
                now.plus(Duration.ofDays(3)),
                onSaleAt,
                null,
                List.of(new NewEvent.Tier("Standard", 1000L, "EUR")),
                List.of(new NewEvent.TierAssignment("Standard", ids, null)),
                null,
                maxTicketsPerCustomer,
                queue,
                null));
    organizing.publish(organizer, event);
    return event;
  }
}
