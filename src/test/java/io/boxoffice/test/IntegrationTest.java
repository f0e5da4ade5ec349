package io.boxoffice.test;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of tests that run the whole service on a random port against real PostgreSQL and Redis
 * ({@link TestServices}). Every test starts from empty tables, so tests run in any order. The
 * expiry sweeper's schedule is off; tests run it by hand or enable it (see {@code HoldExpiryTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({TestAccounts.class, TestCatalog.class})
// Cached contexts stay alive between test classes; a sweeper running in one of them would release
// holds under another's feet. Tests that need the schedule turn it on in a context of their own.
@TestPropertySource(
    properties = {
      "boxoffice.inventory.sweeper.enabled=false",
      // the admitter and the rate limits are exercised by their own tests (admission package);
      // elsewhere thousands of requests come from one address, and no admitter runs in the
      // background of a cached context
      "boxoffice.admission.admitter.enabled=false",
      "boxoffice.rate-limits.enabled=false",
      // a crashed step is taken over after 3 s, not 30, so recovery tests finish quickly
      "boxoffice.checkout.lease=3s",
      "boxoffice.checkout.recovery-interval=500ms",
      "boxoffice.checkout.capture-backoff=100ms",
      "boxoffice.checkout.capture-attempts=3",
      "boxoffice.payments.simulated.latency=0ms",
      "boxoffice.mail.catch-dir=${java.io.tmpdir}/boxoffice-test-mail",
      // several cached contexts share one PostgreSQL (max_connections 100): each keeps only the
      // connections it is using, and gives back what a load test opened after 10 s idle
      "spring.datasource.hikari.minimum-idle=1",
      "spring.datasource.hikari.idle-timeout=10000"
    })
public abstract class IntegrationTest {

  @LocalServerPort protected int port;

  @Autowired protected JdbcTemplate jdbc;

  @Autowired protected TestAccounts accounts;

  protected Api api;

  @Autowired protected TestCatalog catalog;

  /** A fixed key, so that tests can also forge and tamper with tokens deliberately. */
  public static final String TOKEN_SECRET = "dGVzdC1vbmx5LWtleS10ZXN0LW9ubHkta2V5LTMyYnl0ZXMhIQ==";

  private static long port() {
    return ProcessHandle.current().pid();
  }

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    var database = TestServices.database();
    registry.add("spring.datasource.url", database::url);
    registry.add("spring.datasource.username", database::username);
    registry.add("spring.datasource.password", database::password);
    registry.add("boxoffice.redis.url", TestServices::redisUrl);
    registry.add(
        "spring.session.data.redis.namespace", () -> "boxoffice-test-" + port() + ":session");
    registry.add("boxoffice.security.token-secret", () -> TOKEN_SECRET);
  }

  /** Background jobs (the sweeper) may hold row locks; a deadlock with them is simply retried. */
  private void truncate(String tables, int attempts) {
    try {
      jdbc.execute("truncate table " + tables + " cascade");
    } catch (org.springframework.dao.DataAccessException e) {
      if (attempts <= 1) {
        throw e;
      }
      truncate(tables, attempts - 1);
    }
  }

  /**
   * Empties every table but Flyway's history and ShedLock's locks: ShedLock remembers that its lock
   * rows exist and would take a vanished one for a lock held elsewhere.
   */
  @BeforeEach
  void startFromEmptyTables() {
    var tables =
        jdbc.queryForList(
            """
            select string_agg(quote_ident(tablename), ', ') from pg_tables
            where schemaname = current_schema()
              and tablename not in ('flyway_schema_history', 'shedlock')
            """,
            String.class);
    if (tables.getFirst() != null) {
      truncate(tables.getFirst(), 3);
    }
    api = new Api(port);
    accounts.use(api);
    catalog.use(api);
  }
}
