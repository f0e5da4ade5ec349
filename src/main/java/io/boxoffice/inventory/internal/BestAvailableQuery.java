package io.boxoffice.inventory.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.boxoffice.catalog.EventId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the claimable seats of a scope (tier and/or section) with their places in the rows. */
@Repository
class BestAvailableQuery {

  private final JdbcClient jdbc;

  BestAvailableQuery(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The row (and section in it) where the front ends. */
  private record FrontEnd(int rowIndex, int sectionOrder) {}

  private record RowKey(UUID sectionId, int rowIndex) {}

  /**
   * The middle position of every row of an event's seat map. Seats are materialised once when an
   * event is published and never move, so each instance reads them once per event (one grouped
   * scan) instead of on every best-available request.
   */
  private final Cache<EventId, Map<RowKey, Double>> rowMiddles =
      Caffeine.newBuilder().maximumSize(256).expireAfterAccess(Duration.ofHours(1)).build();

  /**
   * The available seats of the front of the scope: rows in (row, section) order up to the row of
   * the {@code seats}-th available seat, each row whole. Seats of lapsed holds are not among them
   * ({@link #claimable} has them). Two short statements rather than one, so that each is planned
   * with its own values: where the front ends (an index-only scan of the partial index), and the
   * seats up to there (a range of it).
   */
  List<BestAvailable.Seat> front(
      EventId event, UUID tier, UUID section, Map<UUID, Integer> tierRanks, int seats) {
    var scope =
        """
        from event_seat
        where event_id = :event and status = 'AVAILABLE'
          and (cast(:tier as uuid) is null or tier_id = :tier)
          and (cast(:section as uuid) is null or section_id = :section)
        """;
    var scopeParams = new HashMap<String, Object>();
    scopeParams.put("event", event.value());
    scopeParams.put("tier", tier);
    scopeParams.put("section", section);
    var end =
        jdbc.sql(
                "select row_index, section_order "
                    + scope
                    + " order by row_index, section_order, position offset :offset limit 1")
            .params(scopeParams)
            .param("offset", seats - 1)
            .query((rs, n) -> new FrontEnd(rs.getInt("row_index"), rs.getInt("section_order")))
            .optional();
    var middles = rowMiddles.get(event, this::rowMiddles);
    return jdbc.sql(
            "select seat_id, section_id, section_order, row_index, position, tier_id "
                + scope
                + " and (row_index, section_order) <= (:lastRow, :lastSection)")
        .params(scopeParams)
        .param("lastRow", end.map(FrontEnd::rowIndex).orElse(Integer.MAX_VALUE))
        .param("lastSection", end.map(FrontEnd::sectionOrder).orElse(Integer.MAX_VALUE))
        .query(
            // hundreds of rows a request: columns by position, not by name (a map lookup each)
            (rs, n) -> {
              var sectionId = rs.getObject(2, UUID.class);
              int rowIndex = rs.getInt(4);
              return new BestAvailable.Seat(
                  rs.getObject(1, UUID.class),
                  sectionId,
                  rs.getInt(3),
                  rowIndex,
                  rs.getInt(5),
                  tierRanks.getOrDefault(rs.getObject(6, UUID.class), Integer.MAX_VALUE),
                  middles.get(new RowKey(sectionId, rowIndex)));
            })
        .list();
  }

  private Map<RowKey, Double> rowMiddles(EventId event) {
    return jdbc
        .sql(
            """
            select section_id, row_index, (min(position) + max(position)) / 2.0 as middle
            from event_seat where event_id = :event group by section_id, row_index
            """)
        .param("event", event.value())
        .query(
            (rs, n) ->
                Map.entry(
                    new RowKey(rs.getObject("section_id", UUID.class), rs.getInt("row_index")),
                    rs.getDouble("middle")))
        .list()
        .stream()
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /**
   * Every claimable seat of the scope, including seats of holds that have lapsed.
   *
   * @param tierRanks rank of every tier of the event (0 = best)
   */
  List<BestAvailable.Seat> claimable(
      EventId event, UUID tier, UUID section, Map<UUID, Integer> tierRanks) {
    return jdbc.sql(
            """
            select * from (
                select es.seat_id, es.section_id, es.section_order, es.row_index, es.position,
                       es.tier_id,
                       (min(es.position) over row_seats + max(es.position) over row_seats) / 2.0
                           as row_middle,
                       es.status = 'AVAILABLE'
                       or (es.status = 'HELD' and h.status = 'ACTIVE' and h.expires_at <= now())
                           as claimable
                from event_seat es
                left join hold h on h.id = es.hold_id
                where es.event_id = :event
                  and (cast(:tier as uuid) is null or es.tier_id = :tier)
                  and (cast(:section as uuid) is null or es.section_id = :section)
                window row_seats as (partition by es.section_id, es.row_index)
            ) seats
            where claimable
            """)
        .param("event", event.value())
        .param("tier", tier)
        .param("section", section)
        .query((rs, n) -> seat(rs, tierRanks))
        .list();
  }

  private static BestAvailable.Seat seat(ResultSet rs, Map<UUID, Integer> tierRanks)
      throws SQLException {
    return new BestAvailable.Seat(
        rs.getObject("seat_id", UUID.class),
        rs.getObject("section_id", UUID.class),
        rs.getInt("section_order"),
        rs.getInt("row_index"),
        rs.getInt("position"),
        tierRanks.getOrDefault(rs.getObject("tier_id", UUID.class), Integer.MAX_VALUE),
        rs.getDouble("row_middle"));
  }
}
