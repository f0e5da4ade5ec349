package io.boxoffice.admission.internal;

import io.boxoffice.catalog.EventId;
import io.boxoffice.identity.AccountId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * One event's waiting room in Redis. Every change is one Lua script, so it is atomic: an account
 * gets one entry, an entry is in the pre-queue, in the line or admitted — never two of them — and
 * an admitted visitor is admitted once, whatever instance or retry runs the script.
 *
 * <p>Positions: arrivals before the on-sale start wait in the pre-queue until the draw gives them
 * positions 0..n-1 in a random order; every later arrival is appended at {@link #FIFO_BASE} + an
 * increasing sequence number, so it stays behind everyone drawn, even if it arrives before the draw
 * has run.
 */
@Component
class WaitingRoom {

  static final long FIFO_BASE = 1_000_000_000_000L;
  private static final Duration MEASURED_OVER = Duration.ofMinutes(1);

  private static final RedisScript<List> JOIN =
      RedisScript.of(
          """
          local existing = redis.call('HGET', KEYS[1], ARGV[1])
          if existing then
            local expires = redis.call('HGET', KEYS[7], existing)
            if not expires or tonumber(expires) > tonumber(ARGV[3]) then return {existing, 0} end
          end
          redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
          redis.call('HSET', KEYS[2], ARGV[2], ARGV[1] .. '|' .. ARGV[3])
          if ARGV[4] == '1' and redis.call('EXISTS', KEYS[6]) == 0 then
            redis.call('ZADD', KEYS[3], ARGV[3], ARGV[2])
          else
            local n = redis.call('INCR', KEYS[5])
            redis.call('ZADD', KEYS[4], tonumber(ARGV[5]) + n, ARGV[2])
          end
          return {ARGV[2], 1}
          """,
          List.class);

  /** owner|joined, admission expiry or -1, rank in the line or -1, 1 if in the pre-queue. */
  private static final RedisScript<List> STATUS =
      RedisScript.of(
          """
          local entry = redis.call('HGET', KEYS[1], ARGV[1])
          if not entry then return {} end
          local expires = redis.call('HGET', KEYS[2], ARGV[1]) or '-1'
          local rank = redis.call('ZRANK', KEYS[3], ARGV[1]) or -1
          local pre = redis.call('ZSCORE', KEYS[4], ARGV[1]) and 1 or 0
          return {entry, expires, rank, pre}
          """,
          List.class);

  /**
   * Admits as many as the pace allows: the allowance grows by the rate for the time since the last
   * run (capped at a short burst), and no more are let in than the room under the cap on active
   * shoppers and the length of the line. Returns the admitted entries with their "owner|joined".
   */
  private static final RedisScript<List> ADMIT =
      RedisScript.of(
          """
          local now = tonumber(ARGV[1])
          local perMilli = tonumber(ARGV[2])
          local burst = tonumber(ARGV[3])
          local cap = tonumber(ARGV[4])
          local expires = now + tonumber(ARGV[5])
          redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)
          redis.call('ZREMRANGEBYSCORE', KEYS[6], '-inf', now - tonumber(ARGV[6]))
          local at = tonumber(redis.call('HGET', KEYS[5], 'at') or now)
          local allowance = tonumber(redis.call('HGET', KEYS[5], 'allowance') or '0')
          if now > at then allowance = math.min(allowance + (now - at) * perMilli, burst) end
          local n = math.min(math.floor(allowance), cap - redis.call('ZCARD', KEYS[3]),
                             redis.call('ZCARD', KEYS[1]))
          if n < 0 then n = 0 end
          allowance = allowance - n
          redis.call('HSET', KEYS[5], 'at', math.max(now, at), 'allowance', tostring(allowance))
          local result = {}
          if n == 0 then return result end
          local popped = redis.call('ZPOPMIN', KEYS[1], n)
          for i = 1, #popped, 2 do
            local id = popped[i]
            redis.call('HSET', KEYS[2], id, expires)
            redis.call('ZADD', KEYS[3], expires, id)
            redis.call('ZADD', KEYS[6], now, id)
            table.insert(result, id)
            table.insert(result, redis.call('HGET', KEYS[4], id))
          end
          return result
          """,
          List.class);

  /** Applies the draw: the pre-queue's entries take positions 0..n-1 in the given order. */
  private static final RedisScript<Long> APPLY_DRAW =
      RedisScript.of(
          """
          if redis.call('HGET', KEYS[3], 'status') == 'done' then return 0 end
          for i = 2, #ARGV do
            if redis.call('ZSCORE', KEYS[1], ARGV[i]) then
              redis.call('ZADD', KEYS[2], i - 2, ARGV[i])
            end
          end
          redis.call('DEL', KEYS[1])
          redis.call('HSET', KEYS[3], 'status', 'done', 'seed', ARGV[1])
          return #ARGV - 1
          """,
          Long.class);

  private static final RedisScript<Long> LEAVE =
      RedisScript.of(
          """
          local id = redis.call('HGET', KEYS[1], ARGV[1])
          if not id then return 0 end
          return redis.call('ZREM', KEYS[2], id)
          """,
          Long.class);

  private final StringRedisTemplate redis;

  WaitingRoom(StringRedisTemplate redis) {
    this.redis = redis;
  }

  record Joined(UUID entryId, boolean created) {}

  /**
   * Joins the account, or finds its entry; {@code beforeStart}: into the pre-queue. An account
   * whose admission expired unused joins again at the back of the line.
   */
  Joined join(EventId event, AccountId account, boolean beforeStart, Instant now) {
    var keys = new QueueKeys(event);
    List<?> result =
        redis.execute(
            JOIN,
            List.of(
                keys.accounts(),
                keys.entries(),
                keys.preQueue(),
                keys.line(),
                keys.sequence(),
                keys.draw(),
                keys.admitted()),
            account.value().toString(),
            UUID.randomUUID().toString(),
            Long.toString(now.toEpochMilli()),
            beforeStart ? "1" : "0",
            Long.toString(FIFO_BASE));
    return new Joined(UUID.fromString((String) result.get(0)), ((Long) result.get(1)) == 1L);
  }

  /** Where an entry stands. */
  record Entry(
      UUID id,
      AccountId owner,
      Instant joinedAt,
      Instant admissionExpiresAt,
      Long position,
      boolean awaitingDraw) {}

  Optional<Entry> entry(EventId event, UUID entryId) {
    var keys = new QueueKeys(event);
    List<?> result =
        redis.execute(
            STATUS,
            List.of(keys.entries(), keys.admitted(), keys.line(), keys.preQueue()),
            entryId.toString());
    if (result == null || result.isEmpty()) {
      return Optional.empty();
    }
    var owner = Owner.parse((String) result.get(0));
    var expires = Long.parseLong(result.get(1).toString());
    var rank = (Long) result.get(2);
    return Optional.of(
        new Entry(
            entryId,
            owner.account(),
            owner.joinedAt(),
            expires < 0 ? null : Instant.ofEpochMilli(expires),
            rank < 0 ? null : rank + 1,
            ((Long) result.get(3)) == 1L));
  }

  record Owner(AccountId account, Instant joinedAt) {
    static Owner parse(String value) {
      var bar = value.indexOf('|');
      return new Owner(
          new AccountId(UUID.fromString(value.substring(0, bar))),
          Instant.ofEpochMilli(Long.parseLong(value.substring(bar + 1))));
    }
  }

  record Admitted(UUID entryId, AccountId account, Instant joinedAt) {}

  /** Admits at {@code perMinute} while fewer than {@code cap} shoppers are active. */
  List<Admitted> admit(EventId event, Instant now, int perMinute, int cap, Duration tokenTtl) {
    var keys = new QueueKeys(event);
    double perMilli = perMinute / 60_000.0;
    double burst = Math.max(1.0, perMinute / 30.0); // two seconds' worth
    List<?> result =
        redis.execute(
            ADMIT,
            List.of(
                keys.line(),
                keys.admitted(),
                keys.active(),
                keys.entries(),
                keys.pace(),
                keys.admissions()),
            Long.toString(now.toEpochMilli()),
            Double.toString(perMilli),
            Double.toString(burst),
            Integer.toString(cap),
            Long.toString(tokenTtl.toMillis()),
            Long.toString(Duration.ofMinutes(5).toMillis()));
    var admitted = new ArrayList<Admitted>();
    for (int i = 0; i < result.size(); i += 2) {
      var owner = Owner.parse((String) result.get(i + 1));
      admitted.add(
          new Admitted(UUID.fromString((String) result.get(i)), owner.account(), owner.joinedAt()));
    }
    return admitted;
  }

  /** Visitors admitted per second over the last minute; empty when nobody was admitted. */
  Optional<Double> measuredRatePerSecond(EventId event, Instant now) {
    var count =
        redis
            .opsForZSet()
            .count(
                new QueueKeys(event).admissions(),
                now.minus(MEASURED_OVER).toEpochMilli(),
                now.toEpochMilli());
    return count == null || count == 0
        ? Optional.empty()
        : Optional.of(count / (double) MEASURED_OVER.toSeconds());
  }

  long lineLength(EventId event) {
    var keys = new QueueKeys(event);
    return size(redis.opsForZSet().zCard(keys.line()))
        + size(redis.opsForZSet().zCard(keys.preQueue()));
  }

  long activeShoppers(EventId event, Instant now) {
    return size(
        redis
            .opsForZSet()
            .count(new QueueKeys(event).active(), now.toEpochMilli(), Double.MAX_VALUE));
  }

  private static long size(Long value) {
    return value == null ? 0 : value;
  }

  boolean drawDone(EventId event) {
    return "done".equals(redis.opsForHash().get(new QueueKeys(event).draw(), "status"));
  }

  /**
   * Closes the pre-queue (arrivals from now on go to the back of the line) and returns its entries,
   * which no longer change.
   */
  List<UUID> closePreQueue(EventId event) {
    var keys = new QueueKeys(event);
    redis.opsForHash().putIfAbsent(keys.draw(), "status", "closing");
    var members = redis.opsForZSet().range(keys.preQueue(), 0, -1);
    return members == null ? List.of() : members.stream().map(UUID::fromString).toList();
  }

  void applyDraw(EventId event, String seed, List<UUID> order) {
    var keys = new QueueKeys(event);
    var args = new ArrayList<String>(order.size() + 1);
    args.add(seed);
    order.forEach(id -> args.add(id.toString()));
    redis.execute(APPLY_DRAW, List.of(keys.preQueue(), keys.line(), keys.draw()), args.toArray());
  }

  /** The account no longer counts as an active shopper (it bought or let its seats go). */
  void leave(EventId event, AccountId account) {
    var keys = new QueueKeys(event);
    redis.execute(LEAVE, List.of(keys.accounts(), keys.active()), account.value().toString());
  }
}
