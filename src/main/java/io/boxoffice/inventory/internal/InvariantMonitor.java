package io.boxoffice.inventory.internal;

import io.boxoffice.catalog.Catalog;
import io.boxoffice.catalog.EventId;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Checks the inventory's invariants of the events on sale in the database every few seconds and
 * exposes the number of violations per check as {@code boxoffice.invariant.violations{check=...}}
 * (alert on > 0). Only events on sale: checking every event ever sold scanned whole tables each
 * time (a tenth of PostgreSQL's time during a stadium sale on a database of a few past sales). It
 * only reads, so it is safe on N instances; each reports the same numbers. Every 30 s by default
 * ({@code boxoffice.inventory.invariants.interval}): the checks still read every sold seat of the
 * events on sale (60–180 ms a check with ten 50,000-seat sales on, five checks), and a broken
 * invariant is a bug to page about, not a moment to catch.
 */
@Component
class InvariantMonitor {

  /** Each check counts rows that break one invariant. */
  static final Map<String, String> CHECKS = new LinkedHashMap<>();

  static {
    // A held seat must belong to a hold that still holds (or an expired one not yet swept).
    CHECKS.put(
        "held_seat_without_live_hold",
        """
        select count(*) from event_seat es join hold h on h.id = es.hold_id
        where es.event_id = any(:events) and es.status = 'HELD'
          and h.status not in ('ACTIVE', 'CHECKING_OUT')
        """);
    // A sold seat must belong to a confirmed hold.
    CHECKS.put(
        "sold_seat_without_confirmed_hold",
        """
        select count(*) from event_seat es join hold h on h.id = es.hold_id
        where es.event_id = any(:events) and es.status = 'SOLD' and h.status <> 'CONFIRMED'
        """);
    // A live seat hold (unexpired, paying or paid) has every seat it was granted.
    CHECKS.put(
        "live_hold_missing_seats",
        """
        select count(*) from hold h
        left join (select hold_id, count(*) as seats from event_seat
                   where event_id = any(:events) and hold_id is not null group by hold_id) es
          on es.hold_id = h.id
        where h.event_id = any(:events) and h.kind = 'SEATS'
          and (h.status in ('CHECKING_OUT', 'CONFIRMED')
               or (h.status = 'ACTIVE' and h.expires_at > now()))
          and h.quantity <> coalesce(es.seats, 0)
        """);
    // General-admission counters agree with the holds that make them up.
    CHECKS.put(
        "ga_counter_mismatch",
        """
        select count(*) from ga_inventory g
        where g.event_id = any(:events)
          and (g.held <> (select coalesce(sum(quantity), 0) from hold h
                          where h.event_id = g.event_id and h.ga_section_id = g.section_id
                            and h.status in ('ACTIVE', 'CHECKING_OUT'))
               or g.sold <> (select coalesce(sum(quantity), 0) from hold h
                             where h.event_id = g.event_id and h.ga_section_id = g.section_id
                               and h.status = 'CONFIRMED'))
        """);
    // More live claims than capacity (the CHECK constraint should make this impossible).
    CHECKS.put(
        "ga_over_capacity",
        "select count(*) from ga_inventory where event_id = any(:events) and held + sold > capacity");
  }

  private static final Logger log = LoggerFactory.getLogger(InvariantMonitor.class);

  private final JdbcClient jdbc;
  private final Catalog catalog;
  private final Clock clock;
  private final Map<String, AtomicInteger> violations = new LinkedHashMap<>();

  InvariantMonitor(JdbcClient jdbc, Catalog catalog, Clock clock, MeterRegistry registry) {
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.clock = clock;
    for (var check : CHECKS.keySet()) {
      var count = new AtomicInteger();
      violations.put(check, count);
      Gauge.builder("boxoffice.invariant.violations", count, AtomicInteger::get)
          .tag("check", check)
          .description("rows breaking an inventory invariant; anything above 0 is a bug")
          .register(registry);
    }
  }

  @Scheduled(fixedDelayString = "${boxoffice.inventory.invariants.interval:30s}")
  Map<String, Integer> check() {
    var found = new LinkedHashMap<String, Integer>();
    var events = catalog.onSale(clock.instant()).stream().map(EventId::value).toArray(UUID[]::new);
    CHECKS.forEach(
        (name, sql) -> {
          int count =
              events.length == 0
                  ? 0
                  : jdbc.sql(sql).param("events", events).query(Integer.class).single();
          violations.get(name).set(count);
          found.put(name, count);
          if (count > 0) {
            log.error("inventory invariant {} broken by {} rows", name, count);
          }
        });
    return found;
  }
}
