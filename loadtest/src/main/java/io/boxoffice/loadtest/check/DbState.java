package io.boxoffice.loadtest.check;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The final database state of a run's events, as the checker needs it (schema: V3 inventory, V4
 * holds, V6 checkout, V8 tickets). Loaded in one read-only repeatable-read transaction so that all
 * of it is one snapshot.
 */
public record DbState(
    Instant checkedAt,
    Map<UUID, EventTerms> events,
    Map<UUID, Hold> holds,
    Map<UUID, Set<UUID>> holdSeats,
    Map<UUID, Order> orders,
    Map<UUID, Integer> liveTickets,
    Set<UUID> captured,
    Set<UUID> refunded,
    List<GaCounter> gaCounters,
    List<String> seatTroubles,
    List<String> duplicateTickets) {

  public record EventTerms(int maxTicketsPerCustomer, int holdTtlSeconds) {}

  public record Hold(
      UUID id,
      UUID event,
      UUID customer,
      String status,
      UUID gaSection,
      int quantity,
      Instant createdAt,
      Instant expiresAt,
      Instant endedAt) {}

  public record Order(UUID id, UUID customer, UUID event, UUID hold, String status, int quantity) {}

  public record GaCounter(UUID event, UUID section, int capacity, int held, int sold) {}

  public static DbState load(Connection connection, List<UUID> eventIds) throws SQLException {
    connection.setAutoCommit(false);
    connection.setReadOnly(true);
    connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    var events = connection.createArrayOf("uuid", eventIds.toArray());
    var state =
        new DbState(
            now(connection),
            terms(connection, events),
            holds(connection, events),
            holdSeats(connection, events),
            orders(connection, events),
            liveTickets(connection, events),
            paymentsSucceeded(connection, events, "CAPTURE"),
            paymentsSucceeded(connection, events, "REFUND"),
            gaCounters(connection, events),
            seatTroubles(connection, events),
            duplicateTickets(connection, events));
    connection.commit();
    return state;
  }

  private static Instant now(Connection connection) throws SQLException {
    try (var query = connection.prepareStatement("select now()");
        var rows = query.executeQuery()) {
      rows.next();
      return rows.getTimestamp(1).toInstant();
    }
  }

  private static Map<UUID, EventTerms> terms(Connection connection, Array events)
      throws SQLException {
    var terms = new HashMap<UUID, EventTerms>();
    query(
        connection,
        "select id, max_tickets_per_customer, hold_ttl_seconds from event where id = any(?)",
        events,
        rows ->
            terms.put(
                uuid(rows, "id"),
                new EventTerms(
                    rows.getInt("max_tickets_per_customer"), rows.getInt("hold_ttl_seconds"))));
    return terms;
  }

  private static Map<UUID, Hold> holds(Connection connection, Array events) throws SQLException {
    var holds = new HashMap<UUID, Hold>();
    query(
        connection,
        """
        select id, event_id, customer_id, status, ga_section_id, quantity,
               created_at, expires_at, ended_at
        from hold where event_id = any(?)
        """,
        events,
        rows ->
            holds.put(
                uuid(rows, "id"),
                new Hold(
                    uuid(rows, "id"),
                    uuid(rows, "event_id"),
                    uuid(rows, "customer_id"),
                    rows.getString("status"),
                    uuid(rows, "ga_section_id"),
                    rows.getInt("quantity"),
                    instant(rows, "created_at"),
                    instant(rows, "expires_at"),
                    instant(rows, "ended_at"))));
    return holds;
  }

  private static Map<UUID, Set<UUID>> holdSeats(Connection connection, Array events)
      throws SQLException {
    var seats = new HashMap<UUID, Set<UUID>>();
    query(
        connection,
        "select hold_id, seat_id from hold_seat where event_id = any(?)",
        events,
        rows ->
            seats
                .computeIfAbsent(uuid(rows, "hold_id"), h -> new HashSet<>())
                .add(uuid(rows, "seat_id")));
    return seats;
  }

  private static Map<UUID, Order> orders(Connection connection, Array events) throws SQLException {
    var orders = new HashMap<UUID, Order>();
    query(
        connection,
        """
        select id, customer_id, event_id, hold_id, status, quantity
        from customer_order where event_id = any(?)
        """,
        events,
        rows ->
            orders.put(
                uuid(rows, "id"),
                new Order(
                    uuid(rows, "id"),
                    uuid(rows, "customer_id"),
                    uuid(rows, "event_id"),
                    uuid(rows, "hold_id"),
                    rows.getString("status"),
                    rows.getInt("quantity"))));
    return orders;
  }

  private static Map<UUID, Integer> liveTickets(Connection connection, Array events)
      throws SQLException {
    var tickets = new HashMap<UUID, Integer>();
    query(
        connection,
        """
        select order_id, count(*) as live from ticket
        where event_id = any(?) and status = 'LIVE' group by order_id
        """,
        events,
        rows -> tickets.put(uuid(rows, "order_id"), rows.getInt("live")));
    return tickets;
  }

  private static Set<UUID> paymentsSucceeded(Connection connection, Array events, String operation)
      throws SQLException {
    var orders = new HashSet<UUID>();
    query(
        connection,
        """
        select distinct p.order_id from payment_operation p
        join customer_order o on o.id = p.order_id
        where o.event_id = any(?) and p.status = 'SUCCEEDED' and p.operation = '%s'
        """
            .formatted(operation),
        events,
        rows -> orders.add(uuid(rows, "order_id")));
    return orders;
  }

  private static List<GaCounter> gaCounters(Connection connection, Array events)
      throws SQLException {
    var counters = new ArrayList<GaCounter>();
    query(
        connection,
        "select event_id, section_id, capacity, held, sold from ga_inventory where event_id = any(?)",
        events,
        rows ->
            counters.add(
                new GaCounter(
                    uuid(rows, "event_id"),
                    uuid(rows, "section_id"),
                    rows.getInt("capacity"),
                    rows.getInt("held"),
                    rows.getInt("sold"))));
    return counters;
  }

  /**
   * Seats whose state disagrees with their hold: held by a hold that is not live, sold by one that
   * is not confirmed, or a confirmed hold's seat no longer sold to it.
   */
  private static List<String> seatTroubles(Connection connection, Array events)
      throws SQLException {
    var troubles = new ArrayList<String>();
    query(
        connection,
        """
        select es.seat_id, es.status, h.id as hold_id, h.status as hold_status
        from event_seat es left join hold h on h.id = es.hold_id
        where es.event_id = any(?) and es.status <> 'AVAILABLE'
          and not ((es.status = 'HELD' and h.status in ('ACTIVE', 'CHECKING_OUT'))
                or (es.status = 'SOLD' and h.status = 'CONFIRMED'))
        """,
        events,
        rows ->
            troubles.add(
                "seat %s is %s by hold %s which is %s"
                    .formatted(
                        rows.getString("seat_id"),
                        rows.getString("status"),
                        rows.getString("hold_id"),
                        rows.getString("hold_status"))));
    query(
        connection,
        """
        select hs.seat_id, h.id as hold_id, es.status, es.hold_id as seat_hold
        from hold_seat hs
        join hold h on h.id = hs.hold_id
        join event_seat es on es.event_id = hs.event_id and es.seat_id = hs.seat_id
        where h.event_id = any(?) and h.status = 'CONFIRMED'
          and (es.hold_id is distinct from h.id or es.status <> 'SOLD')
        """,
        events,
        rows ->
            troubles.add(
                "seat %s of confirmed hold %s is %s by hold %s"
                    .formatted(
                        rows.getString("seat_id"),
                        rows.getString("hold_id"),
                        rows.getString("status"),
                        rows.getString("seat_hold"))));
    return troubles;
  }

  private static List<String> duplicateTickets(Connection connection, Array events)
      throws SQLException {
    var duplicates = new ArrayList<String>();
    query(
        connection,
        """
        select seat_id, count(*) as live from ticket
        where event_id = any(?) and status = 'LIVE' and seat_id is not null
        group by seat_id having count(*) > 1
        """,
        events,
        rows ->
            duplicates.add(
                "seat %s has %d live tickets"
                    .formatted(rows.getString("seat_id"), rows.getInt("live"))));
    return duplicates;
  }

  private interface RowHandler {
    void handle(ResultSet rows) throws SQLException;
  }

  private static void query(Connection connection, String sql, Array events, RowHandler handler)
      throws SQLException {
    try (var statement = connection.prepareStatement(sql)) {
      statement.setFetchSize(10_000);
      statement.setArray(1, events);
      try (var rows = statement.executeQuery()) {
        while (rows.next()) {
          handler.handle(rows);
        }
      }
    }
  }

  private static UUID uuid(ResultSet rows, String column) throws SQLException {
    return rows.getObject(column, UUID.class);
  }

  private static Instant instant(ResultSet rows, String column) throws SQLException {
    Timestamp value = rows.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
