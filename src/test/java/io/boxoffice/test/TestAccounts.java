package io.boxoffice.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.identity.Accounts;
import io.boxoffice.identity.Role;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;

/** Creates accounts through the identity module and signs them in through the API. */
@TestComponent
public class TestAccounts {

  public static final String PASSWORD = "correct horse battery";

  private final Accounts accounts;
  private Api api;

  TestAccounts(Accounts accounts) {
    this.accounts = accounts;
  }

  void use(Api api) {
    this.api = api;
  }

  /** A signed-in account: its e-mail and a bearer token. */
  public record SignedIn(String email, String token) {}

  public SignedIn customer() {
    return signedIn(Role.CUSTOMER);
  }

  public SignedIn organizer() {
    return signedIn(Role.ORGANIZER);
  }

  public SignedIn scanner() {
    return signedIn(Role.SCANNER);
  }

  public SignedIn signedIn(Role role) {
    var email = role.name().toLowerCase() + "-" + UUID.randomUUID() + "@test.boxoffice.io";
    accounts.register(email, PASSWORD, "Test " + role, role);
    return new SignedIn(email, token(email, PASSWORD));
  }

  /**
   * Creates {@code count} customers straight in the table (hashing 10,000 passwords would take
   * minutes); they can hold through the module API, not sign in.
   */
  public java.util.List<io.boxoffice.identity.AccountId> bulkCustomers(
      org.springframework.jdbc.core.JdbcTemplate jdbc, int count) {
    return TestApplications.customers(jdbc, count);
  }

  public String token(String email, String password) {
    var response =
        api.post("/api/v1/auth/token", null, Map.of("email", email, "password", password));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().get("accessToken").asString();
  }
}
