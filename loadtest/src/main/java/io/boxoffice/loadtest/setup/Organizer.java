package io.boxoffice.loadtest.setup;

import io.boxoffice.loadtest.http.Api;
import java.sql.SQLException;

/**
 * The account that sets the events up. Either an existing organizer ({@code --organizer-email},
 * {@code --organizer-password}), or a new account registered through the API and made an organizer
 * in the database: the API has no way to create one (registration makes customers).
 */
public record Organizer(String email, String token) {

  public static Organizer obtain(
      Accounts accounts, Api api, Database database, String runId, String email, String password)
      throws SQLException {
    if (email != null) {
      return new Organizer(email, Accounts.signIn(api, email, password));
    }
    var registered = accounts.register(-1, "lt-" + runId + "-organizer" + Accounts.DOMAIN);
    database.promoteToOrganizer(registered.id());
    return new Organizer(
        registered.email(), Accounts.signIn(api, registered.email(), Accounts.PASSWORD));
  }
}
