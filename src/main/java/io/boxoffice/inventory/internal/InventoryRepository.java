package io.boxoffice.inventory.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.boxoffice.catalog.EventId;
import io.boxoffice.catalog.InventoryPlan;
import io.boxoffice.catalog.StockLevels.Stock;
import io.boxoffice.inventory.Availability;
import io.boxoffice.inventory.StockCounts;
import io.boxoffice.shared.jdbc.Unnest;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per-event inventory rows. Every statement is scoped by {@code event_id}. */
@Repository
class InventoryRepository {

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  InventoryRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /**
   * Creates one {@code event_seat} row per seat and one {@code ga_inventory} row per GA section,
   * all AVAILABLE, in one statement each (50,000 seats in one round trip).
   */
  void materialise(InventoryPlan plan) {
    var event = plan.eventId().value();
    if (!plan.seats().isEmpty()) {
      var seats = plan.seats();
      Unnest.update(
          template,
          """
          insert into event_seat (event_id, seat_id, section_id, tier_id, section_order,
                                  row_index, position)
          select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::int4[], ?::int4[],
                               ?::int4[])
          """,
          Unnest.column("uuid", java.util.Collections.nCopies(seats.size(), event)),
          Unnest.column("uuid", seats.stream().map(InventoryPlan.PricedSeat::seatId).toList()),
          Unnest.column("uuid", seats.stream().map(InventoryPlan.PricedSeat::sectionId).toList()),
          Unnest.column("uuid", seats.stream().map(InventoryPlan.PricedSeat::tierId).toList()),
          Unnest.column(
              "int4", seats.stream().map(InventoryPlan.PricedSeat::sectionOrder).toList()),
          Unnest.column("int4", seats.stream().map(InventoryPlan.PricedSeat::rowIndex).toList()),
          Unnest.column("int4", seats.stream().map(InventoryPlan.PricedSeat::position).toList()));
      // Fresh statistics for the rows just written: planned with the old ones (a table that had
      // two seats for this event, say), best available's front read sorted all 50,000 seats of a
      // stadium instead of walking its index; autovacuum would analyze only later, or never.
      jdbc.sql("analyze event_seat").update();
    }
    for (var area : plan.areas()) {
      jdbc.sql(
              "insert into ga_inventory (event_id, section_id, tier_id, capacity)"
                  + " values (:event, :section, :tier, :capacity)")
          .param("event", event)
          .param("section", area.sectionId())
          .param("tier", area.tierId())
          .param("capacity", area.capacity())
          .update();
    }
  }

  /**
   * How many seats each event has. They are written once when the event is published and never
   * change, so each instance counts an event's seats once (an event without seats is counted again
   * each time: it may not be published yet).
   */
  private final Cache<UUID, Integer> seatTotals =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterAccess(Duration.ofHours(6)).build();

  private static final List<String> STATES = List.of("AVAILABLE", "HELD", "SOLD");

  /** Total places of each event and how many remain, seats and general admission together. */
  Map<EventId, Stock> stock(Collection<EventId> events) {
    var result = new HashMap<EventId, Stock>();
    placesByState(events)
        .forEach(
            (event, states) ->
                result.put(
                    event,
                    new Stock(
                        states.values().stream().mapToInt(Integer::intValue).sum(),
                        states.getOrDefault("AVAILABLE", 0))));
    return result;
  }

  /**
   * Seats and general-admission places of each event by state ({@code AVAILABLE}, {@code HELD},
   * {@code SOLD}, each present); events without any are missing. Only seats that are not available
   * are read (the partial index of them), the rest follows from the event's seat count: counting
   * every seat of the events on sale, every few seconds, scanned the whole table during a sale.
   */
  Map<EventId, Map<String, Integer>> placesByState(Collection<EventId> events) {
    var ids = events.stream().map(EventId::value).distinct().toList();
    var result = new HashMap<EventId, Map<String, Integer>>();
    seatTotals
        .getAll(ids, this::countSeats)
        .forEach(
            (event, seats) ->
                result
                    .computeIfAbsent(new EventId(event), k -> new HashMap<>())
                    .put("AVAILABLE", seats));
    jdbc.sql(
            """
            select event_id, status, count(*)::int as places, true as seated from event_seat
            where event_id = any(:ids) and status <> 'AVAILABLE' group by event_id, status
            union all
            select event_id, 'AVAILABLE', sum(capacity - held - sold)::int, false from ga_inventory
            where event_id = any(:ids) group by event_id
            union all
            select event_id, 'HELD', sum(held)::int, false from ga_inventory
            where event_id = any(:ids) group by event_id
            union all
            select event_id, 'SOLD', sum(sold)::int, false from ga_inventory
            where event_id = any(:ids) group by event_id
            """)
        .param("ids", ids.toArray(UUID[]::new))
        .query(
            rs -> {
              var states =
                  result.computeIfAbsent(
                      new EventId(rs.getObject("event_id", UUID.class)), k -> new HashMap<>());
              int places = rs.getInt("places");
              states.merge(rs.getString("status"), places, Integer::sum);
              if (rs.getBoolean("seated")) {
                states.merge("AVAILABLE", -places, Integer::sum);
              }
            });
    result.values().forEach(states -> STATES.forEach(state -> states.putIfAbsent(state, 0)));
    return result;
  }

  private Map<UUID, Integer> countSeats(java.util.Set<? extends UUID> events) {
    var counts = new HashMap<UUID, Integer>();
    jdbc.sql(
            "select event_id, count(*)::int as seats from event_seat"
                + " where event_id = any(:ids) group by event_id")
        .param("ids", events.toArray(UUID[]::new))
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> counts.put(rs.getObject("event_id", UUID.class), rs.getInt("seats")));
    return counts;
  }

  /** Places left in a general-admission section. */
  int remaining(EventId event, UUID section) {
    return jdbc.sql(
            "select capacity - held - sold from ga_inventory"
                + " where event_id = :event and section_id = :section")
        .param("event", event.value())
        .param("section", section)
        .query(Integer.class)
        .optional()
        .orElse(0);
  }

  boolean isSeatedSection(EventId event, UUID section) {
    return jdbc.sql(
            "select exists (select 1 from event_seat where event_id = :event"
                + " and section_id = :section)")
        .param("event", event.value())
        .param("section", section)
        .query(Boolean.class)
        .single();
  }

  private record SeatCounts(int total, int available, long version) {}

  private record AreaRow(Availability.Area area, long version) {}

  StockCounts counts(EventId event) {
    return jdbc.sql(
            """
            select coalesce(sum(available), 0) as available, coalesce(sum(held), 0) as held,
                   coalesce(sum(sold), 0) as sold
            from (select count(*) filter (where status = 'AVAILABLE') as available,
                         count(*) filter (where status = 'HELD') as held,
                         count(*) filter (where status = 'SOLD') as sold
                  from event_seat where event_id = :event
                  union all
                  select capacity - held - sold, held, sold from ga_inventory
                  where event_id = :event) as stock
            """)
        .param("event", event.value())
        .query(
            (rs, n) ->
                new StockCounts(rs.getInt("available"), rs.getInt("held"), rs.getInt("sold")))
        .single();
  }

  Optional<Availability> availability(EventId event) {
    var seats =
        jdbc.sql(
                """
                select count(*) as total, count(*) filter (where status = 'AVAILABLE') as available,
                       coalesce(sum(version), 0) as version
                from event_seat where event_id = :event
                """)
            .param("event", event.value())
            .query(
                (rs, n) ->
                    new SeatCounts(
                        rs.getInt("total"), rs.getInt("available"), rs.getLong("version")))
            .single();
    var areas =
        jdbc.sql(
                """
                select section_id, capacity, capacity - held - sold as remaining, version
                from ga_inventory where event_id = :event order by section_id
                """)
            .param("event", event.value())
            .query(
                (rs, n) ->
                    new AreaRow(
                        new Availability.Area(
                            rs.getObject("section_id", UUID.class),
                            rs.getInt("capacity"),
                            rs.getInt("remaining")),
                        rs.getLong("version")))
            .list();
    if (seats.total() == 0 && areas.isEmpty()) {
      return Optional.empty();
    }
    List<UUID> unavailable =
        jdbc.sql(
                "select seat_id from event_seat where event_id = :event and status <> 'AVAILABLE'"
                    + " order by seat_id")
            .param("event", event.value())
            .query(UUID.class)
            .list();
    // Every change to a row bumps its version, so the sum only grows: a cheap change marker.
    long version = seats.version() + areas.stream().mapToLong(AreaRow::version).sum();
    return Optional.of(
        new Availability(
            event.value(),
            version,
            seats.total(),
            seats.available(),
            unavailable,
            areas.stream().map(AreaRow::area).toList()));
  }
}
