package io.boxoffice.loadtest.scenario;

import io.boxoffice.loadtest.Options;
import io.boxoffice.loadtest.check.Stock;
import io.boxoffice.loadtest.drive.Burst;
import io.boxoffice.loadtest.drive.Call;
import io.boxoffice.loadtest.history.Outcome;
import io.boxoffice.loadtest.http.Json;
import io.boxoffice.loadtest.report.Goal;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stadium sold out: {@code --fans} fans start together and each, back to back, holds 1–4 adjacent
 * seats and pays with {@code tok_ok}, until every seat is sold. {@code --pick=best} asks the server
 * for the best available; {@code --pick=map} picks seats that look free on the seat map
 * (availability read once a second) and names them. A tenth of the holds (until a tenth of the
 * capacity has been abandoned) are abandoned instead: half given back at once ({@code DELETE}),
 * half left to expire after the event's hold TTL; their seats are sold again. With {@code
 * --waiting-room} the event has a queue and every fan first joins it and waits for an admission
 * token, which every hold carries.
 */
public final class Stadium implements Scenario {

  private static final int MAX_TICKETS = 100;
  private static final String CARD = "tok_ok";

  private final int fans;
  private final int active;
  private final int sections;
  private final int rows;
  private final int seatsPerRow;
  private final int holdTtl;
  private final double abandon;
  private final Duration maxDuration;
  private final boolean pickOnMap;
  private final boolean waitingRoom;
  private final int admissionPerMinute;
  private final int maxActiveShoppers;

  public Stadium(Options options) {
    this.fans = options.integer("fans", 2_000);
    this.active = options.integer("active", fans);
    this.sections = options.integer("sections", 100);
    this.rows = options.integer("rows", 20);
    this.seatsPerRow = options.integer("seats-per-row", 25);
    this.holdTtl = options.integer("hold-ttl", 30);
    this.abandon = options.decimal("abandon", 0.10);
    this.maxDuration = Duration.ofSeconds(options.integer("max-seconds", 240));
    this.pickOnMap =
        switch (options.string("pick", "best")) {
          case "best" -> false;
          case "map" -> true;
          default -> throw new Options.UsageException("--pick must be best or map");
        };
    this.waitingRoom = options.flag("waiting-room", false);
    this.admissionPerMinute = options.integer("admission-per-minute", 60_000);
    this.maxActiveShoppers = options.integer("max-active-shoppers", 100_000);
  }

  @Override
  public String name() {
    return "stadium";
  }

  /** The sale as the fans see it: what is sold, what was abandoned, when it sold out. */
  private static final class Sale {
    final int capacity;
    final int abandonBudget;
    final AtomicInteger sold = new AtomicInteger();
    final AtomicInteger abandoned = new AtomicInteger();
    final AtomicLong soldOutNanos = new AtomicLong();
    final long deadline;

    Sale(int capacity, double abandon, Duration maxDuration) {
      this.capacity = capacity;
      this.abandonBudget = (int) (capacity * abandon);
      this.deadline = System.nanoTime() + maxDuration.toNanos();
    }

    boolean open() {
      return sold.get() < capacity && System.nanoTime() < deadline;
    }

    /** With {@code probability}, claims {@code seats} of the abandonment budget if it has them. */
    boolean abandon(int seats, double probability) {
      if (ThreadLocalRandom.current().nextDouble() >= probability) {
        return false;
      }
      while (true) {
        int current = abandoned.get();
        if (current + seats > abandonBudget) {
          return false;
        }
        if (abandoned.compareAndSet(current, current + seats)) {
          return true;
        }
      }
    }

    void sold(int seats) {
      if (sold.addAndGet(seats) >= capacity) {
        soldOutNanos.compareAndSet(0, System.nanoTime());
      }
    }
  }

  @Override
  public ScenarioResult run(Run run) throws Exception {
    var customers = run.customers(fans);
    var plan =
        new EventPlan(
            "Stadium " + run.id(),
            stands(),
            holdTtl,
            MAX_TICKETS,
            waitingRoom ? new EventPlan.WaitingRoom(admissionPerMinute, maxActiveShoppers) : null);
    var event = Events.create(run.api(), run.organizer(), run.database(), plan);
    var shopper = run.shopper();
    run.log().printf("%,d fans buying %,d seats%n", fans, event.capacity());
    run.beginMeasuring();
    var sale = new Sale(event.capacity(), abandon, maxDuration);
    var map = pickOnMap ? new SeatMapView(event, seatsPerRow) : null;
    var watcher =
        map == null ? null : Thread.startVirtualThread(() -> watch(shopper, event.id(), map, sale));
    long start =
        Burst.run(
            fans,
            active,
            (fan, release) -> buy(shopper, customers.get(fan), event.id(), map, sale));
    if (watcher != null) {
      watcher.join();
    }
    run.cpu().end();
    long startMicros = run.clock().epochMicros(start);
    long sold = Stock.sold(run.database(), event.id());
    var figures = new LinkedHashMap<String, Object>();
    figures.put("fans", fans);
    figures.put("fans shopping at once", Math.min(active, fans));
    figures.put("seats", event.capacity());
    figures.put(
        "seats chosen by", pickOnMap ? "fans, on the seat map" : "the server (best available)");
    figures.put("waiting room", waitingRoom);
    figures.put("hold TTL (s)", holdTtl);
    figures.put("seats sold (database)", sold);
    figures.put("seats abandoned (released or expired, resold)", sale.abandoned.get());
    long soldOut = sale.soldOutNanos.get();
    figures.put("sold out after (s)", soldOut == 0 ? null : (soldOut - start) / 1e9);
    var expectations =
        List.of(
            Expectation.equal("every seat sold", event.capacity(), sold),
            Expectation.equal(
                "seats sold = seats the fans were told they bought", sale.sold.get(), sold));
    Double soldOutSeconds = (Double) figures.get("sold out after (s)");
    var goals =
        List.of(
            new Goal(
                "sold out, from the first fan's start",
                "≤ 60 s",
                soldOutSeconds == null ? "not sold out" : "%.1f s".formatted(soldOutSeconds),
                soldOutSeconds != null && soldOutSeconds <= 60));
    var ratios = new LinkedHashMap<String, String>();
    var operations = run.operations();
    double seconds =
        soldOutSeconds != null
            ? soldOutSeconds
            : (operations.stream().mapToLong(o -> o.endMicros()).max().orElse(startMicros)
                    - startMicros)
                / 1e6;
    long holds =
        operations.stream().filter(o -> o.op().equals("hold") && o.outcome() == Outcome.OK).count();
    long requests = operations.size();
    if (run.baselines() != null) {
      if (run.baselines().pgbench() != null) {
        ratios.put(
            "holds granted/s ÷ durable many-row commits/s",
            Ratio.of(holds / seconds, run.baselines().pgbench().manyRowPerSecond()));
      }
      ratios.put(
          "requests/s ÷ HTTP ceiling",
          Ratio.of(requests / seconds, run.baselines().http().perSecond()));
    }
    return new ScenarioResult(
        List.of(event.id()),
        startMicros,
        figures,
        List.of(),
        expectations,
        goals,
        ratios,
        List.of());
  }

  private List<EventPlan.Section> stands() {
    var stands = new ArrayList<EventPlan.Section>();
    for (int i = 1; i <= sections; i++) {
      stands.add(EventPlan.Section.seated("Block " + i, rows, seatsPerRow));
    }
    return stands;
  }

  /** Refreshes the seat map about once a second while the sale lasts. */
  private static void watch(Shopper shopper, UUID event, SeatMapView map, Sale sale) {
    var clock = shopper.recorder().clock();
    while (sale.open()) {
      var read =
          shopper.browse(
              "availability", "/api/v1/events/" + event + "/availability", clock.nanos());
      if (read.ok()) {
        map.update(read.response().body());
      }
      try {
        Thread.sleep(1_000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void buy(Shopper shopper, Customer fan, UUID event, SeatMapView map, Sale sale)
      throws Exception {
    var clock = shopper.recorder().clock();
    String admission = waitingRoom ? admitted(shopper, fan, event, sale) : null;
    var random = ThreadLocalRandom.current();
    int quantity = random.nextInt(1, 5);
    while (sale.open()) {
      Map<String, Object> body;
      if (map == null) {
        body = Map.of("bestAvailable", Map.of("quantity", quantity));
      } else {
        var seats = map.pick(quantity);
        if (seats.isEmpty()) {
          Thread.sleep(250);
          continue;
        }
        body = Map.of("seats", seats.stream().map(UUID::toString).toList());
      }
      var hold = shopper.hold(fan, event, body, clock.nanos(), admission);
      if (map != null) {
        map.taken(gone(hold));
      }
      if (hold.ok()) {
        int seats = ((Number) hold.operation().result().get("quantity")).intValue();
        var holdId = UUID.fromString(hold.operation().resultText("holdId"));
        if (sale.abandon(seats, abandon)) {
          if (random.nextBoolean()) {
            shopper.release(fan, holdId, clock.nanos());
          }
          quantity = random.nextInt(1, 5);
          continue;
        }
        var order = shopper.order(fan, holdId, CARD, clock.nanos());
        if (order.ok() && order.status() == 201) {
          sale.sold(seats);
        }
        quantity = random.nextInt(1, 5);
      } else if (hold.status() == 409 && map != null) {
        quantity = random.nextInt(1, 5);
      } else if (hold.status() == 409 && quantity > 1) {
        quantity = 1;
      } else if (hold.status() == 422 && "ticket-limit".equals(hold.reason())) {
        return;
      } else {
        Thread.sleep(hold.status() == 409 ? 250 : 100);
      }
    }
  }

  /** The seats a hold request learnt are gone: the ones it got, or the ones a 409 names. */
  private static List<UUID> gone(Call hold) {
    var seats = new ArrayList<UUID>();
    if (hold.ok()) {
      var granted = hold.operation().result().get("seats");
      if (granted instanceof List<?> list) {
        list.forEach(seat -> seats.add(UUID.fromString(seat.toString())));
      }
    } else if (hold.status() == 409) {
      for (var seat : hold.response().json().path("unavailableSeats")) {
        seats.add(UUID.fromString(seat.asString()));
      }
    }
    return seats;
  }

  /** Joins the waiting room and polls once a second until admitted; null if the sale ended. */
  private static String admitted(Shopper shopper, Customer fan, UUID event, Sale sale)
      throws InterruptedException {
    var clock = shopper.recorder().clock();
    var join = shopper.joinQueue(fan, event, clock.nanos());
    while (!join.ok() && sale.open()) {
      Thread.sleep(1_000);
      join = shopper.joinQueue(fan, event, clock.nanos());
    }
    var queueId = join.ok() ? join.operation().resultText("queueId") : null;
    var entry = join;
    while (sale.open()) {
      if (entry.ok() && "ADMITTED".equals(entry.operation().resultText("status"))) {
        return Json.text(entry.response().json(), "admissionToken");
      }
      Thread.sleep(1_000);
      entry = shopper.queueStatus(fan, event, queueId, clock.nanos());
    }
    return null;
  }
}
