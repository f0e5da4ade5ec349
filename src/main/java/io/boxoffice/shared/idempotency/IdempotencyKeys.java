package io.boxoffice.shared.idempotency;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/** The {@code idempotency_key} table. */
@Repository
class IdempotencyKeys {

  /** What is stored for a key. */
  record Entry(String fingerprint, boolean done, boolean abandoned, StoredResponse response) {}

  private final JdbcClient jdbc;
  private final IdempotencyProperties properties;

  IdempotencyKeys(JdbcClient jdbc, IdempotencyProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /**
   * Serialises requests with the same key for the rest of the transaction without waiting: false if
   * another request holds it right now.
   */
  boolean tryLock(UUID account, String key) {
    return jdbc.sql("select pg_try_advisory_xact_lock(:a, :b)")
        .param("a", account.hashCode())
        .param("b", key.hashCode())
        .query(Boolean.class)
        .single();
  }

  Optional<Entry> find(UUID account, String key) {
    return jdbc.sql(
            """
            select fingerprint, status, response_status, response_body, content_type, location,
                   created_at < now() - make_interval(secs => :abandon) as abandoned
            from idempotency_key where account_id = :account and key = :key
            """)
        .param("account", account)
        .param("key", key)
        .param("abandon", (double) properties.abandonAfter().toSeconds())
        .query(
            (rs, n) ->
                new Entry(
                    rs.getString("fingerprint"),
                    rs.getString("status").equals("DONE"),
                    rs.getBoolean("abandoned"),
                    new StoredResponse(
                        rs.getInt("response_status"),
                        rs.getBytes("response_body"),
                        rs.getString("content_type"),
                        rs.getString("location"))))
        .optional();
  }

  void insertDone(
      UUID account,
      String key,
      String method,
      String path,
      String fingerprint,
      StoredResponse response) {
    jdbc.sql(
            """
            insert into idempotency_key (account_id, key, method, path, fingerprint, status,
                response_status, response_body, content_type, location, completed_at)
            values (:account, :key, :method, :path, :fingerprint, 'DONE', :status, :body,
                :contentType, :location, now())
            """)
        .param("account", account)
        .param("key", key)
        .param("method", method)
        .param("path", path)
        .param("fingerprint", fingerprint)
        .param("status", response.status())
        .param("body", response.body())
        .param("contentType", response.contentType())
        .param("location", response.location())
        .update();
  }

  /** Claims the key as in flight; false if a row exists already. */
  boolean claim(UUID account, String key, String method, String path, String fingerprint) {
    return jdbc.sql(
                """
                insert into idempotency_key (account_id, key, method, path, fingerprint, status)
                values (:account, :key, :method, :path, :fingerprint, 'IN_FLIGHT')
                on conflict (account_id, key) do nothing
                """)
            .param("account", account)
            .param("key", key)
            .param("method", method)
            .param("path", path)
            .param("fingerprint", fingerprint)
            .update()
        == 1;
  }

  /** Takes over an abandoned in-flight claim; false if someone else did first. */
  boolean takeOver(UUID account, String key) {
    return jdbc.sql(
                """
                update idempotency_key set created_at = now()
                where account_id = :account and key = :key and status = 'IN_FLIGHT'
                  and created_at < now() - make_interval(secs => :abandon)
                """)
            .param("account", account)
            .param("key", key)
            .param("abandon", (double) properties.abandonAfter().toSeconds())
            .update()
        == 1;
  }

  void complete(UUID account, String key, StoredResponse response) {
    jdbc.sql(
            """
            update idempotency_key set status = 'DONE', response_status = :status,
                response_body = :body, content_type = :contentType, location = :location,
                completed_at = now()
            where account_id = :account and key = :key
            """)
        .param("account", account)
        .param("key", key)
        .param("status", response.status())
        .param("body", response.body())
        .param("contentType", response.contentType())
        .param("location", response.location())
        .update();
  }

  void release(UUID account, String key) {
    jdbc.sql("delete from idempotency_key where account_id = :account and key = :key")
        .param("account", account)
        .param("key", key)
        .update();
  }

  /** Removes keys past their retention, in bounded batches; safe on N instances. */
  @Scheduled(fixedDelayString = "${boxoffice.idempotency.purge-interval:10m}")
  int purge() {
    int total = 0;
    int removed;
    do {
      removed =
          jdbc.sql(
                  """
                  delete from idempotency_key where ctid in (
                      select ctid from idempotency_key
                      where created_at < now() - make_interval(secs => :retention)
                      limit 10000)
                  """)
              .param("retention", (double) properties.retention().toSeconds())
              .update();
      total += removed;
    } while (removed == 10_000);
    return total;
  }

  Duration retention() {
    return properties.retention();
  }
}
