package io.boxoffice.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.identity.Accounts;
import io.boxoffice.identity.Role;
import io.boxoffice.test.IntegrationTest;
import io.boxoffice.test.TestAccounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.JwtEncoder;

class AccountApiTest extends IntegrationTest {

  @Autowired JwtEncoder encoder;
  @Autowired Accounts registry;

  private static Map<String, String> registration(String email) {
    return Map.of("email", email, "password", TestAccounts.PASSWORD, "displayName", "Ada");
  }

  @Test
  void registersACustomerWhoCanSignInAndSeeThemselves() {
    var created = api.post("/api/v1/accounts", null, registration("ada@example.com"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("role").asString()).isEqualTo("CUSTOMER");
    assertThat(created.body()).doesNotContain("password");

    var token =
        api.post(
            "/api/v1/auth/token",
            null,
            Map.of("email", "ADA@example.com", "password", TestAccounts.PASSWORD));
    assertThat(token.status()).isEqualTo(200);
    assertThat(token.json().get("tokenType").asString()).isEqualTo("Bearer");
    assertThat(token.json().get("expiresIn").asInt()).isEqualTo(900);

    var me = api.get("/api/v1/me", token.json().get("accessToken").asString());
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("email").asString()).isEqualTo("ada@example.com");
    assertThat(me.json().get("displayName").asString()).isEqualTo("Ada");
  }

  @Test
  void storesPasswordsOnlyAsArgon2Hashes() {
    api.post("/api/v1/accounts", null, registration("ada@example.com"));

    var hash = jdbc.queryForObject("select password_hash from app_user", String.class);
    assertThat(hash)
        .startsWith("{argon2@SpringSecurity_v5_8}$argon2id$")
        .doesNotContain(TestAccounts.PASSWORD);
  }

  @Test
  void anEmailRegistersOnceWhateverItsCase() {
    api.post("/api/v1/accounts", null, registration("ada@example.com"));

    var again = api.post("/api/v1/accounts", null, registration("Ada@Example.com"));

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("type").asString()).endsWith("/email-taken");
    assertThat(jdbc.queryForObject("select count(*) from app_user", Integer.class)).isEqualTo(1);
  }

  @Test
  void rejectsWeakOrMalformedRegistrations() {
    var shortPassword = Map.of("email", "a@example.com", "password", "short", "displayName", "A");
    var badEmail =
        Map.of("email", "not-an-email", "password", TestAccounts.PASSWORD, "displayName", "A");

    assertThat(
            api.post("/api/v1/accounts", null, shortPassword)
                .json()
                .get("errors")
                .get(0)
                .get("field")
                .asString())
        .isEqualTo("password");
    assertThat(
            api.post("/api/v1/accounts", null, badEmail)
                .json()
                .get("errors")
                .get(0)
                .get("field")
                .asString())
        .isEqualTo("email");
    assertThat(jdbc.queryForObject("select count(*) from app_user", Integer.class)).isZero();
  }

  @Test
  void wrongPasswordOrUnknownEmailGetsTheSame401() {
    api.post("/api/v1/accounts", null, registration("ada@example.com"));

    var wrong =
        api.post(
            "/api/v1/auth/token", null, Map.of("email", "ada@example.com", "password", "nope"));
    var unknown =
        api.post(
            "/api/v1/auth/token", null, Map.of("email", "bob@example.com", "password", "nope"));

    assertThat(wrong.status()).isEqualTo(401);
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(wrong.json().get("detail")).isEqualTo(unknown.json().get("detail"));
    assertThat(wrong.contentType()).isEqualTo("application/problem+json");
  }

  @Test
  void anExpiredTokenIsRefused() {
    var account = registry.register("old@example.com", TestAccounts.PASSWORD, "Old", Role.CUSTOMER);
    var anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
    var expired = new TokenIssuer(encoder, Duration.ofMinutes(15), anHourAgo).issue(account);
    var fresh = new TokenIssuer(encoder, Duration.ofMinutes(15), Clock.systemUTC()).issue(account);

    assertThat(api.get("/api/v1/me", fresh.accessToken()).status()).isEqualTo(200);
    var refused = api.get("/api/v1/me", expired.accessToken());
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.contentType()).isEqualTo("application/problem+json");
  }

  @Test
  void aTamperedOrMissingTokenIsRefused() {
    var token = accounts.organizer().token();
    var parts = token.split("\\.");
    var customerClaims =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                    .replace("ORGANIZER", "CUSTOMER")
                    .getBytes());
    var tampered = parts[0] + "." + customerClaims + "." + parts[2];

    assertThat(api.get("/api/v1/me", tampered).status()).isEqualTo(401);
    assertThat(api.get("/api/v1/me", "garbage").status()).isEqualTo(401);
    assertThat(api.get("/api/v1/me").status()).isEqualTo(401);
  }
}
