package io.boxoffice.inventory.internal;

import io.boxoffice.catalog.EventId;
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
        .query(
            (rs, n) ->
                new BestAvailable.Seat(
                    rs.getObject("seat_id", UUID.class),
                    rs.getObject("section_id", UUID.class),
                    rs.getInt("section_order"),
                    rs.getInt("row_index"),
                    rs.getInt("position"),
                    tierRanks.getOrDefault(rs.getObject("tier_id", UUID.class), Integer.MAX_VALUE),
                    rs.getDouble("row_middle")))
        .list();
  }
}
