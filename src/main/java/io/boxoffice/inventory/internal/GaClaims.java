package io.boxoffice.inventory.internal;

import io.boxoffice.catalog.EventId;
import io.boxoffice.inventory.HoldId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * General-admission counters. One conditional update per claim; the table's {@code CHECK (held +
 * sold <= capacity)} and non-negative checks make overselling fail loudly even if this code were
 * wrong.
 */
@Repository
class GaClaims {

  record Area(UUID tierId, int capacity, int held, int sold) {
    int remaining() {
      return capacity - held - sold;
    }
  }

  private final JdbcClient jdbc;

  GaClaims(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Area> find(EventId event, UUID section) {
    return area(event, section, "");
  }

  /** The section's counters, its row locked until the transaction ends (group commit). */
  Optional<Area> lock(EventId event, UUID section) {
    return area(event, section, " for update");
  }

  private Optional<Area> area(EventId event, UUID section, String locking) {
    return jdbc.sql(
            "select tier_id, capacity, held, sold from ga_inventory"
                + " where event_id = :event and section_id = :section"
                + locking)
        .param("event", event.value())
        .param("section", section)
        .query(
            (rs, n) ->
                new Area(
                    rs.getObject("tier_id", UUID.class),
                    rs.getInt("capacity"),
                    rs.getInt("held"),
                    rs.getInt("sold")))
        .optional();
  }

  /** Takes {@code quantity} places if that many are left; true if it did. */
  boolean claim(EventId event, UUID section, int quantity) {
    return jdbc.sql(
                """
                update ga_inventory set held = held + :quantity, version = version + 1
                where event_id = :event and section_id = :section
                  and capacity - held - sold >= :quantity
                """)
            .param("event", event.value())
            .param("section", section)
            .param("quantity", quantity)
            .update()
        == 1;
  }

  /** A hold that lazy reclaim expired, and the places it gave back. */
  record Reclaimed(HoldId holdId, int quantity) {}

  /**
   * Lazy reclaim: expires the section's ACTIVE holds whose time is up by the database clock,
   * skipping any that the sweeper or another claim has locked. The caller gives their places back
   * in the same transaction.
   */
  List<Reclaimed> expireLapsedHolds(EventId event, UUID section) {
    return jdbc.sql(
            """
            update hold set status = 'EXPIRED', ended_at = now(), version = version + 1
            where id in (
                select id from hold
                where event_id = :event and ga_section_id = :section
                  and kind = 'GENERAL_ADMISSION' and status = 'ACTIVE' and expires_at <= now()
                for update skip locked)
            returning id, quantity
            """)
        .param("event", event.value())
        .param("section", section)
        .query(
            (rs, n) ->
                new Reclaimed(new HoldId(rs.getObject("id", UUID.class)), rs.getInt("quantity")))
        .list();
  }

  void release(EventId event, UUID section, int quantity) {
    move(event, section, "held = held - :quantity", quantity);
  }

  void sell(EventId event, UUID section, int quantity) {
    move(event, section, "held = held - :quantity, sold = sold + :quantity", quantity);
  }

  void unsell(EventId event, UUID section, int quantity) {
    move(event, section, "sold = sold - :quantity", quantity);
  }

  private void move(EventId event, UUID section, String assignment, int quantity) {
    int rows =
        jdbc.sql(
                "update ga_inventory set "
                    + assignment
                    + ", version = version + 1 where event_id = :event and section_id = :section")
            .param("event", event.value())
            .param("section", section)
            .param("quantity", quantity)
            .update();
    if (rows != 1) {
      throw new IllegalStateException("no general-admission row " + event + "/" + section);
    }
  }

  int remaining(EventId event, UUID section) {
    return find(event, section).map(Area::remaining).orElse(0);
  }
}
