package io.boxoffice.admission.internal;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The cap on API requests served at once ({@code boxoffice.admission.in-flight}). The default, 64,
 * is a few times the database pool (20): enough to keep the pool and both cores busy, small enough
 * that a background job needing a connection waits behind at most a few dozen requests. The wait
 * bound is above the load harness's own 30 s timeout, so under a burst requests are late rather
 * than refused.
 */
@Validated
@ConfigurationProperties("boxoffice.admission.in-flight")
record InFlightProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("64") @Min(1) int maxRequests,
    @DefaultValue("30s") Duration maxWait,
    @DefaultValue("5s") Duration retryAfter) {}
