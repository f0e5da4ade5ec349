package io.boxoffice.admission.internal;

import io.boxoffice.catalog.EventId;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.support.AbstractSqlTypeValue;
import org.springframework.stereotype.Repository;

/** The published draws ({@code queue_draw}): one per event, never replaced. */
@Repository
class DrawLedger {

  private final JdbcClient jdbc;

  DrawLedger(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Recorded(EventId event, String seed, Instant drawnAt, List<UUID> order) {}

  /** Stores this draw unless one exists; returns the one that counts. */
  Recorded record(EventId event, Draw draw) {
    jdbc.sql(
            """
            insert into queue_draw (event_id, seed, entries) values (:event, :seed, :entries)
            on conflict (event_id) do nothing
            """)
        .param("event", event.value())
        .param("seed", draw.seed())
        .param(
            "entries",
            new AbstractSqlTypeValue() {
              @Override
              protected Object createTypeValue(Connection connection, int sqlType, String typeName)
                  throws SQLException {
                return connection.createArrayOf("uuid", draw.order().toArray());
              }
            })
        .update();
    return find(event).orElseThrow();
  }

  Optional<Recorded> find(EventId event) {
    return jdbc.sql("select seed, drawn_at, entries from queue_draw where event_id = :event")
        .param("event", event.value())
        .query(
            (rs, n) ->
                new Recorded(
                    event,
                    rs.getString("seed"),
                    rs.getTimestamp("drawn_at").toInstant(),
                    Arrays.asList((UUID[]) rs.getArray("entries").getArray())))
        .optional();
  }
}
