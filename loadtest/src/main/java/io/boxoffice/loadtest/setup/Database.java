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
