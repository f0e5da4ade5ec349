package io.boxoffice.admission.internal;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Token buckets in Redis (Bucket4j over the application's Lettuce client, compare-and-swap), so
 * every instance counts against the same limit. If Redis does not answer within half a second the
 * request is let through: a rate limit must not take the sale down with Redis.
 */
@Component
class RateLimiter {

  private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

  private final LettuceConnectionFactory connections;
  private final MeterRegistry metrics;
  private volatile ProxyManager<byte[]> buckets;

  RateLimiter(LettuceConnectionFactory connections, MeterRegistry metrics) {
    this.connections = connections;
    this.metrics = metrics;
  }

  /** Takes one request from the bucket; empty when allowed, else the seconds until it refills. */
  OptionalLong take(String rule, String key, int limit, Duration period) {
    try {
      var bucket =
          buckets()
              .builder()
              .build(
                  // the limit is part of the key: a changed rule starts new buckets
                  ("boxoffice:ratelimit:" + rule + ":" + limit + "/" + period + ":" + key)
                      .getBytes(StandardCharsets.UTF_8),
                  () ->
                      BucketConfiguration.builder()
                          .addLimit(l -> l.capacity(limit).refillGreedy(limit, period))
                          .build());
      var probe = bucket.tryConsumeAndReturnRemaining(1);
      if (probe.isConsumed()) {
        return OptionalLong.empty();
      }
      metrics.counter("boxoffice.ratelimit.rejections", "rule", rule).increment();
      return OptionalLong.of(
          Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000));
    } catch (RuntimeException e) {
      metrics.counter("boxoffice.ratelimit.unavailable", "rule", rule).increment();
      log.warn("rate limit {} not checked (Redis unavailable): {}", rule, e.getMessage());
      return OptionalLong.empty();
    }
  }

  private ProxyManager<byte[]> buckets() {
    var manager = buckets;
    if (manager == null) {
      synchronized (this) {
        if (buckets == null) {
          buckets =
              Bucket4jLettuce.casBasedBuilder((RedisClient) connections.getNativeClient())
                  .expirationAfterWrite(
                      ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                          Duration.ofSeconds(10)))
                  .requestTimeout(Duration.ofMillis(500))
                  .build();
        }
        manager = buckets;
      }
    }
    return manager;
  }
}
