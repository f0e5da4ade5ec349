package io.boxoffice.loadtest.check;

import io.boxoffice.loadtest.setup.Database;
import java.sql.SQLException;
import java.util.UUID;

/** How much of an event is gone, read from the database. */
public final class Stock {

  private Stock() {}

  /** Seats held or sold plus general-admission places held or sold. */
  public static long taken(Database database, UUID event) throws SQLException {
    return count(
        database,
        """
        select (select count(*) from event_seat where event_id = ? and status <> 'AVAILABLE')
             + (select coalesce(sum(held + sold), 0) from ga_inventory where event_id = ?)
        """,
        event);
  }

  /** Seats and general-admission places sold. */
  public static long sold(Database database, UUID event) throws SQLException {
    return count(
        database,
        """
        select (select count(*) from event_seat where event_id = ? and status = 'SOLD')
             + (select coalesce(sum(sold), 0) from ga_inventory where event_id = ?)
        """,
        event);
  }

  private static long count(Database database, String sql, UUID event) throws SQLException {
    try (var connection = database.connect();
        var query = connection.prepareStatement(sql)) {
      query.setObject(1, event);
      query.setObject(2, event);
      try (var rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
