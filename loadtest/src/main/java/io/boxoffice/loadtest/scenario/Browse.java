package io.boxoffice.loadtest.scenario;

import io.boxoffice.loadtest.Options;
import io.boxoffice.loadtest.drive.OpenLoop;
import io.boxoffice.loadtest.report.Ratio;
import io.boxoffice.loadtest.setup.Customer;
import io.boxoffice.loadtest.setup.EventPlan;
import io.boxoffice.loadtest.setup.Events;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Browsing alongside a sale: an open-loop arrival rate where one arrival in {@code --browse-per-buy
 * + 1} is a purchase (hold two best-available seats, pay) and the others are anonymous reads of the
 * event: details 40 %, availability 40 %, search 15 %, seat map 5 %.
 */
public final class Browse implements Scenario {

  private static final int MAX_TICKETS = 100;

  private final double rate;
  private final Duration duration;
  private final int browsePerBuy;
  private final int accounts;
  private final int sections;
  private final int connections;
  private final Duration maxQueue;

  public Browse(Options options) {
    this.rate = options.decimal("rate", 500);
    this.duration = Duration.ofSeconds(options.integer("seconds", 30));
    this.browsePerBuy = options.integer("browse-per-buy", 100);
    this.accounts = options.integer("accounts", 200);
    this.sections = options.integer("sections", 10);
    this.connections = options.integer("connections", 1_000);
    this.maxQueue = Duration.ofMillis(options.integer("max-queue-ms", 2_000));
  }

  @Override
  public String name() {
    return "browse";
  }

  @Override
  public ScenarioResult run(Run run) throws Exception {
    var customers = run.customers(accounts);
    var stands = new ArrayList<EventPlan.Section>();
    for (int i = 1; i <= sections; i++) {
      stands.add(EventPlan.Section.seated("Block " + i, 20, 25));
    }
    var title = "Browse " + run.id();
    var plan = new EventPlan(title, List.copyOf(stands), 600, MAX_TICKETS, null);
    var event = Events.create(run.api(), run.organizer(), run.database(), plan).id();
    var shopper = run.shopper();
    var reads = reads(event, run.id());
    long startMicros = run.clock().nowMicros();
    run.log()
        .printf(
            "%.0f requests/s for %d s, one purchase per %d reads%n",
            rate, duration.toSeconds(), browsePerBuy);
    run.beginMeasuring();
    long arrivals =
        new OpenLoop(connections, maxQueue)
            .run(
                rate,
                duration,
                0,
                (sequence, intended) -> {
                  if (sequence % (browsePerBuy + 1) == 0) {
                    var buyer = customers.get((int) (sequence / (browsePerBuy + 1) % accounts));
                    buy(shopper, buyer, event, intended);
                  } else {
                    var read = reads.get((int) (sequence % reads.size()));
                    shopper.browse(read.op(), read.path(), intended);
                  }
                },
                (sequence, intended) ->
                    shopper.recorder().notSent(-1, "dropped", Map.of(), intended));
    run.cpu().end();
    var figures = new LinkedHashMap<String, Object>();
    figures.put("offered requests/s", rate);
    figures.put("arrivals", arrivals);
    figures.put("reads per purchase", browsePerBuy);
    figures.put("seats", sections * 500);
    var operations = run.operations();
    double seconds =
        (operations.stream().mapToLong(o -> o.endMicros()).max().orElse(startMicros) - startMicros)
            / 1e6;
    var ratios = new LinkedHashMap<String, String>();
    if (run.baselines() != null) {
      ratios.put(
          "requests/s ÷ HTTP ceiling",
          Ratio.of(operations.size() / seconds, run.baselines().http().perSecond()));
    }
    return new ScenarioResult(
        List.of(event), startMicros, figures, List.of(), List.of(), List.of(), ratios, List.of());
  }

  private record Read(String op, String path) {}

  /** Twenty slots in the proportions of the mix, visited in turn. */
  private static List<Read> reads(UUID event, String runId) {
    var reads = new ArrayList<Read>();
    for (int i = 0; i < 8; i++) {
      reads.add(new Read("event", "/api/v1/events/" + event));
      reads.add(new Read("availability", "/api/v1/events/" + event + "/availability"));
    }
    for (int i = 0; i < 3; i++) {
      reads.add(new Read("search", "/api/v1/events?q=Browse+" + runId));
    }
    reads.add(new Read("seatmap", "/api/v1/events/" + event + "/seatmap"));
    return List.copyOf(reads);
  }

  private static void buy(Shopper shopper, Customer buyer, UUID event, long intended) {
    var hold =
        shopper.hold(buyer, event, Map.of("bestAvailable", Map.of("quantity", 2)), intended, null);
    if (hold.ok()) {
      var holdId = UUID.fromString(hold.operation().resultText("holdId"));
      shopper.order(buyer, holdId, "tok_ok", shopper.recorder().clock().nanos());
    }
  }
}
