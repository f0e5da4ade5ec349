package io.boxoffice.shared.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention how long a key and its response are kept (at least 24 h, per API.md)
 * @param abandonAfter an in-flight claim older than this belonged to a request that died with its
 *     instance; the next request with the key takes it over
 */
@ConfigurationProperties("boxoffice.idempotency")
public record IdempotencyProperties(
    @DefaultValue("24h") Duration retention, @DefaultValue("5m") Duration abandonAfter) {}
