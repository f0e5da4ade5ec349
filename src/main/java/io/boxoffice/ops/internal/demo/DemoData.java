package io.boxoffice.ops.internal.demo;

import io.boxoffice.catalog.NewEvent;
import io.boxoffice.catalog.Organizing;
import io.boxoffice.identity.Account;
import io.boxoffice.identity.AccountId;
import io.boxoffice.identity.Accounts;
import io.boxoffice.identity.Role;
import io.boxoffice.ops.internal.embedded.ConditionalOnEmbeddedDefaults;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo on the embedded defaults only: one account per role and three venues with an event
 * each, on sale now. Runs once per data folder (it finds its organizer on the next start).
 */
@Component
@ConditionalOnEmbeddedDefaults
@ConditionalOnBooleanProperty(name = "boxoffice.demo.enabled", matchIfMissing = true)
class DemoData implements ApplicationRunner {

  static final String PASSWORD = "boxoffice-demo";
  static final String ORGANIZER = "organizer@demo.boxoffice.io";
  static final String CUSTOMER = "customer@demo.boxoffice.io";
  static final String SCANNER = "scanner@demo.boxoffice.io";

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final Accounts accounts;
  private final Organizing organizing;
  private final Clock clock;

  DemoData(Accounts accounts, Organizing organizing, Clock clock) {
    this.accounts = accounts;
    this.organizing = organizing;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (accounts.findByEmail(ORGANIZER).isEmpty()) {
      var organizer = accounts.register(ORGANIZER, PASSWORD, "Demo Organizer", Role.ORGANIZER);
      accounts.register(CUSTOMER, PASSWORD, "Demo Customer", Role.CUSTOMER);
      accounts.register(SCANNER, PASSWORD, "Demo Scanner", Role.SCANNER);
      seed(organizer);
    }
    log.info(
        "demo accounts (password '{}'): organizer {}, customer {}, scanner {}",
        PASSWORD,
        ORGANIZER,
        CUSTOMER,
        SCANNER);
  }

  private void seed(Account organizer) {
    var now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
    var onSale = now.minus(Duration.ofHours(1));
    sell(
        organizer.id(),
        DemoVenues.theatre(),
        "Hamlet",
        "The Royal Company",
        now.plus(Duration.ofDays(21)),
        onSale,
        List.of(tier("Premium", 8900), tier("Standard", 5900), tier("Value", 2900)),
        null);
    sell(
        organizer.id(),
        DemoVenues.hall(),
        "Night Drive Live",
        "Neon Avenue",
        now.plus(Duration.ofDays(14)),
        onSale,
        List.of(tier("General admission", 4500)),
        null);
    sell(
        organizer.id(),
        DemoVenues.stadium(),
        "Cup Final",
        "City FC v United",
        now.plus(Duration.ofDays(30)),
        onSale,
        List.of(tier("Centre", 12000), tier("Side", 8000), tier("End", 5000)),
        // the big one sells through the waiting room: 600 fans a minute, 1,000 shopping at once
        new NewEvent.Queue(true, null, 600, 1_000, 600));
    log.info(
        "demo data seeded: theatre, general-admission hall and 50,000-seat stadium (waiting room)");
  }

  private static NewEvent.Tier tier(String name, long cents) {
    return new NewEvent.Tier(name, cents, "EUR");
  }

  /**
   * Creates the venue, then an event there that went on sale an hour ago (through a waiting room if
   * {@code queue} is given), and publishes it.
   */
  private void sell(
      AccountId organizer,
      DemoVenues.DemoVenue demo,
      String title,
      String performer,
      Instant startsAt,
      Instant onSaleAt,
      List<NewEvent.Tier> tiers,
      NewEvent.Queue queue) {
    var venue = organizing.createVenue(organizer, demo.venue());
    var sectionsByTier = new LinkedHashMap<String, List<UUID>>();
    for (var section : organizing.sections(organizer, venue)) {
      sectionsByTier
          .computeIfAbsent(demo.tierBySection().get(section.name()), k -> new ArrayList<>())
          .add(section.id());
    }
    var assignments =
        sectionsByTier.entrySet().stream()
            .map(e -> new NewEvent.TierAssignment(e.getKey(), e.getValue(), null))
            .toList();
    var event =
        new NewEvent(
            venue.value(),
            title,
            performer,
            "Demo event: on sale now.",
            startsAt,
            onSaleAt,
            startsAt,
            tiers,
            assignments,
            null,
            null,
            queue,
            null);
    organizing.publish(organizer, organizing.createEvent(organizer, event));
  }
}
