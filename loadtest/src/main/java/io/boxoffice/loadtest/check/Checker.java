package io.boxoffice.loadtest.check;

import io.boxoffice.loadtest.history.Operation;
import io.boxoffice.loadtest.setup.Database;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * After a run: waits until the run's orders have settled (captures run after the response), reads
 * the final state of its events and checks every invariant against it and the history.
 */
public final class Checker {

  /** What was found: the violations, and counts of the final state for the report. */
  public record Result(List<Violation> violations, Map<String, Object> facts) {

    /** Violations per check, for the report. */
    public Map<String, Long> byCheck() {
      var counts = new TreeMap<String, Long>();
      violations.forEach(v -> counts.merge(v.check(), 1L, Long::sum));
      return counts;
    }
  }

  private final Database database;
  private final Duration settle;

  public Checker(Database database, Duration settle) {
    this.database = database;
    this.settle = settle;
  }

  public Result check(List<Operation> history, List<UUID> events, PrintStream log)
      throws SQLException, InterruptedException {
    waitForOrdersToSettle(events, log);
    DbState state;
    try (var connection = database.connect()) {
      state = DbState.load(connection, events);
    }
    return new Result(Checks.all(history, state), facts(state));
  }

  private void waitForOrdersToSettle(List<UUID> events, PrintStream log)
      throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + settle.toNanos();
    while (true) {
      long pending = pendingOrders(events);
      if (pending == 0 || System.nanoTime() > deadline) {
        return;
      }
      log.printf("  checker: %,d orders still settling%n", pending);
      Thread.sleep(1_000);
    }
  }

  private long pendingOrders(List<UUID> events) throws SQLException {
    try (var connection = database.connect();
        var query =
            connection.prepareStatement(
                "select count(*) from customer_order where event_id = any(?) and status in ("
                    + String.join(", ", Checks.UNSETTLED.stream().map(s -> "'" + s + "'").toList())
                    + ")")) {
      query.setArray(1, connection.createArrayOf("uuid", events.toArray()));
      try (var rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static Map<String, Object> facts(DbState state) {
    var facts = new LinkedHashMap<String, Object>();
    facts.put(
        "holdsByStatus",
        countBy(state.holds().values().stream().map(DbState.Hold::status).toList()));
    facts.put(
        "ordersByStatus",
        countBy(state.orders().values().stream().map(DbState.Order::status).toList()));
    facts.put(
        "liveTickets", state.liveTickets().values().stream().mapToInt(Integer::intValue).sum());
    facts.put("capturedOrders", state.captured().size());
    return facts;
  }

  private static Map<String, Long> countBy(List<String> values) {
    var counts = new TreeMap<String, Long>();
    values.forEach(v -> counts.merge(v, 1L, Long::sum));
    return counts;
  }
}
