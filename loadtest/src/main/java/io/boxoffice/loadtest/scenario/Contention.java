package io.boxoffice.loadtest.scenario;

import io.boxoffice.loadtest.Options;
import io.boxoffice.loadtest.check.Stock;
import io.boxoffice.loadtest.drive.Burst;
import io.boxoffice.loadtest.history.Operation;
import io.boxoffice.loadtest.report.Goal;
import io.boxoffice.loadtest.report.Kind;
import io.boxoffice.loadtest.report.OpStats;
import io.boxoffice.loadtest.report.Ratio;
import io.boxoffice.loadtest.setup.Customer;
import io.boxoffice.loadtest.setup.EventFixture;
import io.boxoffice.loadtest.setup.EventPlan;
import io.boxoffice.loadtest.setup.Events;
import io.boxoffice.loadtest.setup.Organizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * N users released together, each asking once for one of the same K seats: exactly K (1 for {@code
 * one-seat}) must get a hold and everyone else a 409, with nothing in between. Variants: {@code
 * seat} (user i asks for seat i mod K), {@code one-seat} (all ask for the first), {@code best}
 * (best available, quantity 1), {@code ga} (a general-admission section of capacity K). A warm-up
 * round on an event of the same shape comes first unless {@code --warmup=false}.
 */
public final class Contention implements Scenario {

  enum Variant {
    SEAT,
    ONE_SEAT,
    BEST,
    GA;

    static Variant parse(String name) {
      return switch (name) {
        case "seat" -> SEAT;
        case "one-seat" -> ONE_SEAT;
        case "best" -> BEST;
        case "ga" -> GA;
        default ->
            throw new Options.UsageException(
                "--variant must be seat, one-seat, best or ga, got " + name);
      };
    }
  }

  private final int users;
  private final int seats;
  private final Variant variant;
  private final int connections;
  private final int holdTtl;
  private final boolean warmup;

  public Contention(Options options) {
    this.users = options.integer("users", 10_000);
    this.seats = options.integer("seats", 100);
    this.variant = Variant.parse(options.string("variant", "seat"));
    this.connections = options.integer("connections", 1_000);
    this.holdTtl = options.integer("hold-ttl", 600);
    this.warmup = options.flag("warmup", true);
  }

  @Override
  public String name() {
    return "contention";
  }

  private int winners() {
    return variant == Variant.ONE_SEAT ? 1 : Math.min(seats, users);
  }

  @Override
  public ScenarioResult run(Run run) throws Exception {
    var customers = run.customers(users);
    var organizer = run.organizer();
    if (warmup) {
      run.log().println("warm-up round (not measured)");
      burst(run.warmupShopper(), customers, event(run, organizer, "warm-up"));
    }
    var event = event(run, organizer, "measured");
    run.log().printf("releasing %,d users at once for %,d winners%n", users, winners());
    run.beginMeasuring();
    long release = burst(run.shopper(), customers, event);
    run.cpu().end();
    var releaseMicros = run.clock().epochMicros(release);
    var holds = run.operations().stream().filter(o -> o.op().equals("hold")).toList();
    long successes = count(holds, Kind.SUCCESS);
    long rejections = count(holds, Kind.REJECTION);
    long errors = count(holds, Kind.ERROR);
    long taken = Stock.taken(run.database(), event.id());

    var figures = new LinkedHashMap<String, Object>();
    figures.put("variant", variant.name().toLowerCase().replace('_', '-'));
    figures.put("users", users);
    figures.put("seats", seats);
    figures.put("winners expected", winners());
    figures.put("successes", successes);
    figures.put("rejections", rejections);
    figures.put("errors", errors);
    figures.put("time to last winner (ms)", timeToNthSuccess(holds, winners(), releaseMicros));
    double drain =
        (holds.stream().mapToLong(Operation::endMicros).max().orElse(releaseMicros) - releaseMicros)
            / 1e6;
    figures.put("time to drain (s)", drain);
    figures.put("requests/s while draining", users / Math.max(drain, 1e-6));
    figures.put("places taken in the database", taken);
    var expectations =
        List.of(
            Expectation.equal("successes = " + winners(), winners(), successes),
            Expectation.equal(
                "rejections (409) = " + (users - winners()), users - winners(), rejections),
            Expectation.equal("errors = 0", 0, errors),
            Expectation.equal("places taken in the database = " + winners(), winners(), taken));
    var rejection = OpStats.of("hold", holds).rejectionLatency();
    var lastWinner = (Double) figures.get("time to last winner (ms)");
    var goals =
        List.of(
            new Goal(
                "rejection p99, from the release",
                "< 100 ms",
                "%.1f ms".formatted(rejection.p99()),
                rejection.count() == 0 ? null : rejection.p99() < 100),
            new Goal(
                "last winner's 201, from the release",
                "≤ 2,000 ms",
                lastWinner == null ? "never" : "%.0f ms".formatted(lastWinner),
                lastWinner != null && lastWinner <= 2_000));
    var ratios = new LinkedHashMap<String, String>();
    if (run.baselines() != null) {
      double ceiling = run.baselines().http().perSecond();
      ratios.put("requests/s while draining ÷ HTTP ceiling", Ratio.of(users / drain, ceiling));
      ratios.put(
          "shortest possible drain (users ÷ HTTP ceiling, s) ÷ measured drain (s)",
          Ratio.of(users / ceiling, drain));
    }
    return new ScenarioResult(
        List.of(event.id()),
        releaseMicros,
        figures,
        List.of(),
        expectations,
        goals,
        ratios,
        List.of());
  }

  private EventFixture event(Run run, Organizer organizer, String label) throws Exception {
    var sections =
        variant == Variant.GA
            ? List.of(EventPlan.Section.generalAdmission("Floor", seats))
            : EventPlan.seatsInRows(seats);
    var plan = new EventPlan("Contention " + label + " " + run.id(), sections, holdTtl, 8, null);
    return Events.create(run.api(), organizer, run.database(), plan);
  }

  private long burst(Shopper shopper, List<Customer> customers, EventFixture event)
      throws InterruptedException {
    var seatIds = event.seats();
    var bodies = new ArrayList<Map<String, Object>>(users);
    for (int i = 0; i < users; i++) {
      bodies.add(body(i, event, seatIds));
    }
    return Burst.run(
        users,
        connections,
        (user, release) ->
            shopper.hold(customers.get(user), event.id(), bodies.get(user), release, null));
  }

  private Map<String, Object> body(int user, EventFixture event, List<UUID> seatIds) {
    return switch (variant) {
      case SEAT -> Map.of("seats", List.of(seatIds.get(user % seats).toString()));
      case ONE_SEAT -> Map.of("seats", List.of(seatIds.getFirst().toString()));
      case BEST -> Map.of("bestAvailable", Map.of("quantity", 1));
      case GA -> Map.of("section", event.generalAdmission().id().toString(), "quantity", 1);
    };
  }

  private static long count(List<Operation> operations, Kind kind) {
    return operations.stream().filter(o -> Kind.of(o) == kind).count();
  }

  /** Milliseconds from the release to the n-th 201, or null if there were fewer. */
  static Double timeToNthSuccess(List<Operation> operations, int n, long startMicros) {
    var ends =
        operations.stream()
            .filter(o -> Kind.of(o) == Kind.SUCCESS)
            .mapToLong(Operation::endMicros)
            .sorted()
            .toArray();
    return ends.length < n || n == 0 ? null : (ends[n - 1] - startMicros) / 1000.0;
  }
}
