package io.boxoffice.ticketing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Issued tickets as their holders and the door see them. */
@Repository
class TicketRepository {

  record StoredTicket(
      UUID id,
      UUID orderId,
      UUID eventId,
      UUID holderId,
      UUID seatId,
      UUID sectionId,
      UUID tierId,
      String status,
      String barcode,
      String holderName,
      Instant issuedAt,
      Instant checkedInAt,
      String checkedInGate) {}

  private final JdbcClient jdbc;

  TicketRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<StoredTicket> find(UUID id) {
    return jdbc.sql("select * from ticket where id = :id")
        .param("id", id)
        .query(TicketRepository::map)
        .optional();
  }

  List<StoredTicket> ofHolder(UUID holder) {
    return jdbc.sql("select * from ticket where holder_id = :holder order by issued_at desc, id")
        .param("holder", holder)
        .query(TicketRepository::map)
        .list();
  }

  /** The door: LIVE and not yet scanned → scanned now at this gate. Exactly one scan wins. */
  boolean admit(UUID ticket, String gate) {
    return jdbc.sql(
                """
                update ticket set checked_in_at = now(), checked_in_gate = :gate
                where id = :id and status = 'LIVE' and checked_in_at is null
                """)
            .param("id", ticket)
            .param("gate", gate)
            .update()
        == 1;
  }

  void recordScan(UUID ticket, UUID event, UUID scanner, String gate, String result) {
    jdbc.sql(
            """
            insert into check_in_scan (id, ticket_id, event_id, scanner_id, gate, result)
            values (:id, :ticket, :event, :scanner, :gate, :result)
            """)
        .param("id", UUID.randomUUID())
        .param("ticket", ticket)
        .param("event", event)
        .param("scanner", scanner)
        .param("gate", gate)
        .param("result", result)
        .update();
  }

  private static StoredTicket map(ResultSet rs, int row) throws SQLException {
    var checkedIn = rs.getTimestamp("checked_in_at");
    return new StoredTicket(
        rs.getObject("id", UUID.class),
        rs.getObject("order_id", UUID.class),
        rs.getObject("event_id", UUID.class),
        rs.getObject("holder_id", UUID.class),
        rs.getObject("seat_id", UUID.class),
        rs.getObject("section_id", UUID.class),
        rs.getObject("tier_id", UUID.class),
        rs.getString("status"),
        rs.getString("barcode"),
        rs.getString("holder_name"),
        rs.getTimestamp("issued_at").toInstant(),
        checkedIn == null ? null : checkedIn.toInstant(),
        rs.getString("checked_in_gate"));
  }
}
