package io.boxoffice.catalog.internal;

import io.boxoffice.catalog.EventId;
import io.boxoffice.catalog.InventoryPlan;
import io.boxoffice.catalog.SeatMap;
import io.boxoffice.catalog.SectionKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * An event's seats with their price tier: a seat's own assignment wins over its section's. The seat
 * map and the inventory plan read the same query, so what is drawn is what is sold.
 */
@Repository
class SeatMapQueries {

  private static final String PRICED_SEATS =
      """
      select st.*, s.sort_order, coalesce(seat_tier.tier_id, section_tier.tier_id) as tier_id
      from event e
      join section s on s.venue_id = e.venue_id
      join seat st on st.section_id = s.id
      left join tier_assignment seat_tier
             on seat_tier.event_id = e.id and seat_tier.seat_id = st.id
      left join tier_assignment section_tier
             on section_tier.event_id = e.id and section_tier.section_id = s.id
      where e.id = :event
      order by s.sort_order, st.row_index, st.position
      """;

  private static final String SECTIONS =
      """
      select s.*, a.tier_id from event e
      join section s on s.venue_id = e.venue_id
      left join tier_assignment a on a.event_id = e.id and a.section_id = s.id
      where e.id = :event order by s.sort_order
      """;

  private final JdbcClient jdbc;

  SeatMapQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  SeatMap seatMap(EventId event, int version) {
    var rowsBySection = new LinkedHashMap<UUID, LinkedHashMap<Integer, List<SeatMap.Seat>>>();
    var rowLabels = new LinkedHashMap<UUID, Map<Integer, String>>();
    jdbc.sql(PRICED_SEATS)
        .param("event", event.value())
        .query(
            rs -> {
              var section = rs.getObject("section_id", UUID.class);
              int rowIndex = rs.getInt("row_index");
              rowLabels
                  .computeIfAbsent(section, k -> new LinkedHashMap<>())
                  .putIfAbsent(rowIndex, rs.getString("row_label"));
              rowsBySection
                  .computeIfAbsent(section, k -> new LinkedHashMap<>())
                  .computeIfAbsent(rowIndex, k -> new ArrayList<>())
                  .add(
                      new SeatMap.Seat(
                          rs.getObject("id", UUID.class),
                          rs.getString("number"),
                          rs.getInt("position"),
                          rs.getDouble("x"),
                          rs.getDouble("y"),
                          rs.getObject("tier_id", UUID.class),
                          rs.getBoolean("accessible"),
                          rs.getBoolean("companion"),
                          rs.getBoolean("restricted_view")));
            });
    var sections =
        jdbc.sql(SECTIONS)
            .param("event", event.value())
            .query(
                (rs, n) -> {
                  var id = rs.getObject("id", UUID.class);
                  var rows = new ArrayList<SeatMap.Row>();
                  rowsBySection
                      .getOrDefault(id, new LinkedHashMap<>())
                      .forEach(
                          (index, seats) ->
                              rows.add(
                                  new SeatMap.Row(rowLabels.get(id).get(index), index, seats)));
                  var kind = SectionKind.valueOf(rs.getString("kind"));
                  int capacity =
                      kind == SectionKind.GENERAL_ADMISSION
                          ? rs.getInt("capacity")
                          : rows.stream().mapToInt(r -> r.seats().size()).sum();
                  return new SeatMap.Section(
                      id,
                      rs.getString("name"),
                      kind,
                      capacity,
                      rs.getObject("tier_id", UUID.class),
                      rs.getDouble("label_x"),
                      rs.getDouble("label_y"),
                      rows);
                })
            .list();
    return new SeatMap(event, version, sections);
  }

  InventoryPlan inventoryPlan(EventId event) {
    var seats =
        jdbc.sql(PRICED_SEATS)
            .param("event", event.value())
            .query(
                (rs, n) ->
                    new InventoryPlan.PricedSeat(
                        rs.getObject("id", UUID.class),
                        rs.getObject("section_id", UUID.class),
                        rs.getObject("tier_id", UUID.class),
                        rs.getInt("sort_order"),
                        rs.getInt("row_index"),
                        rs.getInt("position")))
            .list();
    var areas =
        jdbc
            .sql(SECTIONS)
            .param("event", event.value())
            .query(
                (rs, n) ->
                    SectionKind.valueOf(rs.getString("kind")) == SectionKind.GENERAL_ADMISSION
                        ? new InventoryPlan.PricedArea(
                            rs.getObject("id", UUID.class),
                            rs.getObject("tier_id", UUID.class),
                            rs.getInt("capacity"))
                        : null)
            .list()
            .stream()
            .filter(java.util.Objects::nonNull)
            .toList();
    return new InventoryPlan(event, seats, areas);
  }
}
