package io.boxoffice.catalog.internal;

import io.boxoffice.catalog.SectionKind;
import io.boxoffice.catalog.VenueId;
import io.boxoffice.identity.AccountId;
import io.boxoffice.shared.jdbc.Unnest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Venues, sections and seats. A venue's layout is written once and never edited. */
@Repository
class VenueRepository {

  record StoredVenue(
      VenueId id,
      AccountId ownerId,
      String name,
      String city,
      String address,
      List<StoredSection> sections) {}

  record StoredSection(
      UUID id,
      String name,
      SectionKind kind,
      Integer capacity,
      double labelX,
      double labelY,
      List<StoredSeat> seats) {}

  record StoredSeat(
      UUID id,
      String row,
      int rowIndex,
      String number,
      int position,
      double x,
      double y,
      boolean accessible,
      boolean companion,
      boolean restrictedView) {}

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  VenueRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  VenueId insert(AccountId owner, String name, String city, String address, Layout layout) {
    var venueId = VenueId.random();
    jdbc.sql(
            "insert into venue (id, owner_id, name, city, address)"
                + " values (:id, :owner, :name, :city, :address)")
        .param("id", venueId.value())
        .param("owner", owner.value())
        .param("name", name)
        .param("city", city)
        .param("address", address)
        .update();
    var ids = new ArrayList<UUID>();
    var sectionIds = new ArrayList<UUID>();
    var rows = new ArrayList<String>();
    var rowIndexes = new ArrayList<Integer>();
    var numbers = new ArrayList<String>();
    var positions = new ArrayList<Integer>();
    var xs = new ArrayList<Double>();
    var ys = new ArrayList<Double>();
    var accessible = new ArrayList<Boolean>();
    var companion = new ArrayList<Boolean>();
    var restricted = new ArrayList<Boolean>();
    for (int i = 0; i < layout.sections().size(); i++) {
      var section = layout.sections().get(i);
      var sectionId = UUID.randomUUID();
      jdbc.sql(
              """
              insert into section (id, venue_id, name, kind, capacity, seat_count, sort_order,
                                   label_x, label_y)
              values (:id, :venue, :name, :kind, :capacity, :seatCount, :sort, :labelX, :labelY)
              """)
          .param("id", sectionId)
          .param("venue", venueId.value())
          .param("name", section.name())
          .param("kind", section.kind().name())
          .param("capacity", section.capacity())
          .param("seatCount", section.seats().size())
          .param("sort", i)
          .param("labelX", section.labelX())
          .param("labelY", section.labelY())
          .update();
      for (var seat : section.seats()) {
        ids.add(UUID.randomUUID());
        sectionIds.add(sectionId);
        rows.add(seat.row());
        rowIndexes.add(seat.rowIndex());
        numbers.add(seat.number());
        positions.add(seat.position());
        xs.add(seat.x());
        ys.add(seat.y());
        accessible.add(seat.accessible());
        companion.add(seat.companion());
        restricted.add(seat.restrictedView());
      }
    }
    if (!ids.isEmpty()) {
      Unnest.update(
          template,
          """
          insert into seat (id, section_id, row_label, row_index, number, position, x, y,
                            accessible, companion, restricted_view)
          select * from unnest(?::uuid[], ?::uuid[], ?::text[], ?::int4[], ?::text[], ?::int4[],
                               ?::float8[], ?::float8[], ?::bool[], ?::bool[], ?::bool[])
          """,
          Unnest.column("uuid", ids),
          Unnest.column("uuid", sectionIds),
          Unnest.column("text", rows),
          Unnest.column("int4", rowIndexes),
          Unnest.column("text", numbers),
          Unnest.column("int4", positions),
          Unnest.column("float8", xs),
          Unnest.column("float8", ys),
          Unnest.column("bool", accessible),
          Unnest.column("bool", companion),
          Unnest.column("bool", restricted));
    }
    return venueId;
  }

  Optional<StoredVenue> find(VenueId id) {
    return jdbc.sql("select id, owner_id, name, city, address from venue where id = :id")
        .param("id", id.value())
        .query(
            (rs, n) ->
                new StoredVenue(
                    id,
                    new AccountId(rs.getObject("owner_id", UUID.class)),
                    rs.getString("name"),
                    rs.getString("city"),
                    rs.getString("address"),
                    sections(id)))
        .optional();
  }

  List<StoredVenue> findByOwner(AccountId owner) {
    return jdbc
        .sql("select id from venue where owner_id = :owner order by created_at, id")
        .param("owner", owner.value())
        .query((rs, n) -> new VenueId(rs.getObject("id", UUID.class)))
        .list()
        .stream()
        .flatMap(id -> find(id).stream())
        .toList();
  }

  private List<StoredSection> sections(VenueId venue) {
    var seats = new LinkedHashMap<UUID, List<StoredSeat>>();
    jdbc.sql(
            """
            select st.* from seat st join section s on s.id = st.section_id
            where s.venue_id = :venue order by s.sort_order, st.row_index, st.position
            """)
        .param("venue", venue.value())
        .query(
            rs -> {
              seats
                  .computeIfAbsent(rs.getObject("section_id", UUID.class), k -> new ArrayList<>())
                  .add(
                      new StoredSeat(
                          rs.getObject("id", UUID.class),
                          rs.getString("row_label"),
                          rs.getInt("row_index"),
                          rs.getString("number"),
                          rs.getInt("position"),
                          rs.getDouble("x"),
                          rs.getDouble("y"),
                          rs.getBoolean("accessible"),
                          rs.getBoolean("companion"),
                          rs.getBoolean("restricted_view")));
            });
    return jdbc.sql("select * from section where venue_id = :venue order by sort_order")
        .param("venue", venue.value())
        .query(
            (rs, n) -> {
              var id = rs.getObject("id", UUID.class);
              return new StoredSection(
                  id,
                  rs.getString("name"),
                  SectionKind.valueOf(rs.getString("kind")),
                  (Integer) rs.getObject("capacity"),
                  rs.getDouble("label_x"),
                  rs.getDouble("label_y"),
                  seats.getOrDefault(id, List.of()));
            })
        .list();
  }
}
