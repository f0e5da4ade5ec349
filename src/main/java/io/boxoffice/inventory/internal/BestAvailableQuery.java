package io.boxoffice.inventory.internal;

import io.boxoffice.catalog.EventId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the claimable seats of a scope (tier and/or section) with their places in the rows. */
@Repository
class BestAvailableQuery {

  private final JdbcClient jdbc;

  BestAvailableQuery(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The available seats of the front of the scope: rows in (row, section) order up to the row of
   * the {@code seats}-th available seat, each row whole. Seats of lapsed holds are not among them
   * ({@link #claimable} has them). Reads about {@code seats} rows through the partial index instead
   * of every seat of the event.
   */
  List<BestAvailable.Seat> front(
      EventId event, UUID tier, UUID section, Map<UUID, Integer> tierRanks, int seats) {
    return jdbc.sql(
            """
            with scope as (
                select seat_id, section_id, section_order, row_index, position, tier_id
                from event_seat
                where event_id = :event and status = 'AVAILABLE'
                  and (cast(:tier as uuid) is null or tier_id = :tier)
                  and (cast(:section as uuid) is null or section_id = :section)
            ), bound as (
                select row_index, section_order from scope
                order by row_index, section_order, position
                offset :offset limit 1
            ), picked as (
                select * from scope
                where not exists (select 1 from bound)
                   or (row_index, section_order)
                      <= (select row_index, section_order from bound)
            ), middles as (
                select r.section_id, r.row_index, (min(es.position) + max(es.position)) / 2.0 as row_middle
                from (select distinct section_id, row_index from picked) r
                join event_seat es on es.event_id = :event and es.section_id = r.section_id
                                  and es.row_index = r.row_index
                group by r.section_id, r.row_index
            )
            select p.*, m.row_middle from picked p
            join middles m on m.section_id = p.section_id and m.row_index = p.row_index
            """)
        .param("event", event.value())
        .param("tier", tier)
        .param("section", section)
        .param("offset", seats - 1)
        .query((rs, n) -> seat(rs, tierRanks))
        .list();
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
