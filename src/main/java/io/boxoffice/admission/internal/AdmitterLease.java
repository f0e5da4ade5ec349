package io.boxoffice.admission.internal;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Which instance admits: a Redis key holding the instance id with a short expiry, taken when free
 * and prolonged by its holder on every run. If the holder stops, it gives the key back; if it dies,
 * the key expires and another instance takes over within the lease time.
 */
@Component
class AdmitterLease {

  private static final RedisScript<Long> HOLD =
      RedisScript.of(
          """
          if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
          if redis.call('GET', KEYS[1]) == ARGV[1] then
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 1
          end
          return 0
          """,
          Long.class);

  private static final RedisScript<Long> RELEASE =
      RedisScript.of(
          """
          if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
          return 0
          """,
          Long.class);

  private final StringRedisTemplate redis;
  private final String key;
  private final Duration ttl;
  private final String instance = UUID.randomUUID().toString();

  /**
   * @param key one per deployment: two deployments sharing a Redis must not share the admitter
   */
  AdmitterLease(
      StringRedisTemplate redis,
      @Value("${boxoffice.admission.lease-key:boxoffice:admission:admitter}") String key,
      @Value("${boxoffice.admission.lease:5s}") Duration ttl) {
    this.redis = redis;
    this.key = key;
    this.ttl = ttl;
  }

  String instance() {
    return instance;
  }

  /** Takes or keeps the lease; true while this instance is the admitter. */
  boolean hold() {
    return Long.valueOf(1)
        .equals(redis.execute(HOLD, List.of(key), instance, Long.toString(ttl.toMillis())));
  }

  @PreDestroy
  void release() {
    try {
      redis.execute(RELEASE, List.of(key), instance);
    } catch (RuntimeException e) {
      // Redis is gone: the lease expires by itself
    }
  }
}
