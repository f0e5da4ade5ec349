package io.boxoffice.identity.internal;

import io.boxoffice.identity.Account;
import io.boxoffice.identity.AccountId;
import io.boxoffice.identity.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts in {@code app_user}. E-mail addresses are unique regardless of case. */
@Repository
public class AccountRepository {

  /** An account with its password hash, which never leaves this module. */
  public record StoredAccount(Account account, String passwordHash) {}

  private static final String COLUMNS = "id, email, display_name, role, created_at, password_hash";

  private final JdbcClient jdbc;

  AccountRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Account account, String passwordHash) {
    jdbc.sql(
            """
            insert into app_user (id, email, display_name, password_hash, role, created_at)
            values (:id, :email, :displayName, :hash, :role, :createdAt)
            """)
        .param("id", account.id().value())
        .param("email", account.email())
        .param("displayName", account.displayName())
        .param("hash", passwordHash)
        .param("role", account.role().name())
        .param("createdAt", Timestamp.from(account.createdAt()))
        .update();
  }

  public Optional<Account> findById(AccountId id) {
    return jdbc.sql("select " + COLUMNS + " from app_user where id = :id")
        .param("id", id.value())
        .query(AccountRepository::map)
        .optional()
        .map(StoredAccount::account);
  }

  public Optional<StoredAccount> findByEmail(String email) {
    return jdbc.sql("select " + COLUMNS + " from app_user where lower(email) = lower(:email)")
        .param("email", email)
        .query(AccountRepository::map)
        .optional();
  }

  private static StoredAccount map(ResultSet rs, int row) throws SQLException {
    var account =
        new Account(
            new AccountId(rs.getObject("id", UUID.class)),
            rs.getString("email"),
            rs.getString("display_name"),
            Role.valueOf(rs.getString("role")),
            rs.getTimestamp("created_at").toInstant());
    return new StoredAccount(account, rs.getString("password_hash"));
  }
}
