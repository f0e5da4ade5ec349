package io.boxoffice.shared.idempotency;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code idempotency_key} table. Every statement names both columns of the primary key, so a
 * key is only ever seen together with the account that sent it (IETF draft, security
 * considerations: a guessed key must not reveal another client's response).
 */
@Repository
class IdempotencyKeys {

  /** A stored key: its request's fingerprint, and the response once the request has finished. */
  record Entry(String fingerprint, boolean done, boolean abandoned, StoredResponse response) {}

  private final JdbcClient jdbc;
  private final IdempotencyProperties properties;

  IdempotencyKeys(JdbcClient jdbc, IdempotencyProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /**
   * Serialises requests with the same key for the rest of the transaction, without waiting: false
   * if another request holds it right now (then it is in flight: 409). The lock id is a 64-bit hash
   * of account and key; a collision only makes an unrelated request wait for a retry.
   */
  boolean tryLock(IdempotentCall call) {
    return jdbc.sql(
            "select pg_try_advisory_xact_lock(hashtextextended(:account || '/' || :key, 0))")
        .param("account", call.account().toString())
        .param("key", call.key())
        .query(Boolean.class)
        .single();
  }

  Optional<Entry> find(IdempotentCall call) {
    return jdbc.sql(
            """
            select fingerprint, status, response_status, response_body, content_type, location,
                   created_at < now() - make_interval(secs => :abandon) as abandoned
            from idempotency_key where account_id = :account and key = :key
            """)
        .param("account", call.account())
        .param("key", call.key())
        .param("abandon", seconds(properties.abandonAfter()))
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

  /** Stores a finished request's response; false if the key was stored meanwhile. */
  boolean insertDone(IdempotentCall call, StoredResponse response) {
    return jdbc.sql(
                """
                insert into idempotency_key (account_id, key, method, path, fingerprint, status,
                    response_status, response_body, content_type, location, completed_at)
                values (:account, :key, :method, :path, :fingerprint, 'DONE', :status, :body,
                    :contentType, :location, now())
                on conflict (account_id, key) do nothing
                """)
            .param("account", call.account())
            .param("key", call.key())
            .param("method", call.method())
            .param("path", call.path())
            .param("fingerprint", call.fingerprint())
            .param("status", response.status())
            .param("body", response.body())
            .param("contentType", response.contentType())
            .param("location", response.location())
            .update()
        == 1;
  }

  /**
   * Claims the key for a request that runs outside a transaction. The primary key decides races: of
   * concurrent claims exactly one inserts; false if the key exists already.
   */
  boolean claim(IdempotentCall call, UUID claim) {
    return jdbc.sql(
                """
                insert into idempotency_key (account_id, key, method, path, fingerprint, status,
                    claim)
                values (:account, :key, :method, :path, :fingerprint, 'IN_FLIGHT', :claim)
                on conflict (account_id, key) do nothing
                """)
            .param("account", call.account())
            .param("key", call.key())
            .param("method", call.method())
            .param("path", call.path())
            .param("fingerprint", call.fingerprint())
            .param("claim", claim)
            .update()
        == 1;
  }

  /**
   * Takes over a claim whose request died with its instance. The age condition is re-checked on the
   * locked row, so of two requests taking over at once only one succeeds.
   */
  boolean takeOver(IdempotentCall call, UUID claim) {
    return jdbc.sql(
                """
                update idempotency_key set claim = :claim, created_at = now()
                where account_id = :account and key = :key and status = 'IN_FLIGHT'
                  and created_at < now() - make_interval(secs => :abandon)
                """)
            .param("account", call.account())
            .param("key", call.key())
            .param("claim", claim)
            .param("abandon", seconds(properties.abandonAfter()))
            .update()
        == 1;
  }

  /** Stores the response of a claimed request; false if its claim was taken over meanwhile. */
  boolean complete(IdempotentCall call, UUID claim, StoredResponse response) {
    return jdbc.sql(
                """
                update idempotency_key set status = 'DONE', response_status = :status,
                    response_body = :body, content_type = :contentType, location = :location,
                    completed_at = now()
                where account_id = :account and key = :key and status = 'IN_FLIGHT'
                  and claim = :claim
                """)
            .param("account", call.account())
            .param("key", call.key())
            .param("claim", claim)
            .param("status", response.status())
            .param("body", response.body())
            .param("contentType", response.contentType())
            .param("location", response.location())
            .update()
        == 1;
  }

  /** Gives a claim up (the request failed on our side), so that the client may retry. */
  void release(IdempotentCall call, UUID claim) {
    jdbc.sql(
            """
            delete from idempotency_key
            where account_id = :account and key = :key and status = 'IN_FLIGHT' and claim = :claim
            """)
        .param("account", call.account())
        .param("key", call.key())
        .param("claim", claim)
        .update();
  }

  /**
   * Deletes up to {@code limit} keys older than the retention. Rows another instance is deleting
   * right now are skipped rather than waited for.
   */
  int deleteExpired(int limit) {
    return jdbc.sql(
            """
            delete from idempotency_key where ctid in (
                select ctid from idempotency_key
                where created_at < now() - make_interval(secs => :retention)
                limit :limit
                for update skip locked)
            """)
        .param("retention", seconds(properties.retention()))
        .param("limit", limit)
        .update();
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }
}
