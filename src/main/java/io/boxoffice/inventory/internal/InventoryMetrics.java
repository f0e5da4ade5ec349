package io.boxoffice.inventory.internal;

import io.boxoffice.catalog.Catalog;
import io.boxoffice.inventory.Hold;
import io.boxoffice.shared.DomainException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What an on-sale operator watches: holds created, rejected (by reason), released and expired, the
 * hold latency, seats available/held/sold per on-sale event, and the sweeper's lag (how long the
 * oldest expired hold has waited to be released). Gauges are refreshed from the database every few
 * seconds, so every instance reports the same truth.
 */
@Component
class InventoryMetrics {

  private final MeterRegistry registry;
  private final JdbcClient jdbc;
  private final InventoryRepository inventory;
  private final Catalog catalog;
  private final Clock clock;
  private final Counter created;
  private final Counter released;
  private final Counter expired;
  private final Timer latency;
  private final MultiGauge seats;
  private final AtomicReference<Double> sweeperLag = new AtomicReference<>(0.0);

  InventoryMetrics(
      MeterRegistry registry,
      JdbcClient jdbc,
      InventoryRepository inventory,
      Catalog catalog,
      Clock clock) {
    this.registry = registry;
    this.jdbc = jdbc;
    this.inventory = inventory;
    this.catalog = catalog;
    this.clock = clock;
    this.created = Counter.builder("boxoffice.holds.granted").register(registry);
    this.released = Counter.builder("boxoffice.holds.released").register(registry);
    this.expired = Counter.builder("boxoffice.holds.expired").register(registry);
    this.latency =
        Timer.builder("boxoffice.hold.latency")
            .description("time to decide a hold request, granted or refused")
            .publishPercentileHistogram()
            .register(registry);
    this.seats = MultiGauge.builder("boxoffice.event.seats").register(registry);
    Gauge.builder("boxoffice.sweeper.lag", sweeperLag, AtomicReference::get)
        .baseUnit("seconds")
        .description("age of the oldest expired hold not yet released")
        .register(registry);
  }

  Hold timeHold(Supplier<Hold> hold) {
    var sample = Timer.start(registry);
    try {
      var result = hold.get();
      created.increment();
      return result;
    } catch (DomainException e) {
      registry.counter("boxoffice.holds.rejected", "reason", e.type()).increment();
      throw e;
    } finally {
      sample.stop(latency);
    }
  }

  void released() {
    released.increment();
  }

  void expired(int count) {
    expired.increment(count);
  }

  @Scheduled(fixedDelayString = "${boxoffice.inventory.metrics.interval:5s}")
  void refresh() {
    sweeperLag.set(
        jdbc.sql(
                """
                select coalesce(extract(epoch from now() - min(expires_at)), 0)::float8 from hold
                where status = 'ACTIVE' and expires_at <= now()
                """)
            .query(Double.class)
            .single());
    var events = catalog.onSale(clock.instant());
    if (events.isEmpty()) {
      seats.register(List.of(), true);
      return;
    }
    var totals = new java.util.LinkedHashMap<Tags, Integer>();
    inventory
        .placesByState(events)
        .forEach(
            (event, states) ->
                states.forEach(
                    (state, places) ->
                        totals.put(
                            Tags.of(
                                "event", event.value().toString(),
                                "state", state.toLowerCase(java.util.Locale.ROOT)),
                            places)));
    seats.register(
        totals.entrySet().stream()
            .<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(e.getKey(), e.getValue()))
            .toList(),
        true);
  }
}
