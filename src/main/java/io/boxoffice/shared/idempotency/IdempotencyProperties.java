package io.boxoffice.shared.idempotency;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long keys live. API.md promises clients at least 24 hours, so a shorter retention is refused
 * at start-up rather than silently breaking retries.
 *
 * @param retention how long a key and its response are kept (at least 24 h)
 * @param abandonAfter an in-flight claim older than this belonged to a request that died with its
 *     instance; the next request with the key takes it over. Longer than any purchase can take.
 * @param purgeInterval how often expired keys are deleted (read by {@link ExpiredKeys}'s schedule)
 */
@Validated
@ConfigurationProperties("boxoffice.idempotency")
public record IdempotencyProperties(
    @NotNull @DurationMin(hours = 24) @DefaultValue("24h") Duration retention,
    @NotNull @DurationMin(seconds = 1) @DefaultValue("5m") Duration abandonAfter,
    @NotNull @DurationMin(seconds = 1) @DefaultValue("10m") Duration purgeInterval) {}
