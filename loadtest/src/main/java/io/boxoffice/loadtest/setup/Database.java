package io.boxoffice.loadtest.setup;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The deployment's PostgreSQL database, read by the checker. Two set-up steps also use it because
 * the API cannot do them (see docs/loadtest.md): making an account an organizer, and holds shorter
 * than the API's 30-second minimum.
 */
public record Database(String url, String user, String password) {

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  /** The host of {@code jdbc:postgresql://host:port/db}. */
  public String host() {
    return URI.create(url.substring("jdbc:".length())).getHost();
  }

  public int port() {
    int port = URI.create(url.substring("jdbc:".length())).getPort();
    return port < 0 ? 5432 : port;
  }

  public String name() {
    var path = URI.create(url.substring("jdbc:".length())).getPath();
    return path.substring(1);
  }

  /** The same server, another database. */
  public Database withName(String database) {
    return new Database(
        "jdbc:postgresql://" + host() + ":" + port() + "/" + database, user, password);
  }

  /**
   * Gathers the planner's statistics when the server does not (autovacuum off, as on the project's
   * machine): tables that were never analyzed get plans built on guesses, such as a sequential scan
   * of {@code hold_seat} to read one hold's seats (98 ms instead of 0.05 ms once the table held
   * 165,000 rows), which would measure the server's configuration rather than the application.
   * Returns whether it analyzed.
   */
  public boolean analyzeUnlessAutovacuum() throws SQLException {
    try (var connection = connect();
        var statement = connection.createStatement()) {
      try (var setting = statement.executeQuery("show autovacuum")) {
        if (setting.next() && setting.getString(1).equals("on")) {
          return false;
        }
      }
      statement.execute("analyze");
      return true;
    }
  }

  public void promoteToOrganizer(UUID account) throws SQLException {
    try (var connection = connect();
        var update =
            connection.prepareStatement("update app_user set role = 'ORGANIZER' where id = ?")) {
      update.setObject(1, account);
      if (update.executeUpdate() != 1) {
        throw new IllegalStateException("no account " + account + " in " + url);
      }
    }
  }

  public void setHoldTtl(UUID event, int seconds) throws SQLException {
    try (var connection = connect();
        var update =
            connection.prepareStatement("update event set hold_ttl_seconds = ? where id = ?")) {
      update.setInt(1, seconds);
      update.setObject(2, event);
      if (update.executeUpdate() != 1) {
        throw new IllegalStateException("no event " + event + " in " + url);
      }
    }
  }
}
