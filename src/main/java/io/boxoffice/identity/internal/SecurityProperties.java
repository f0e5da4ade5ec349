package io.boxoffice.identity.internal;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param tokenSecret base64 HMAC-SHA256 key of at least 32 bytes for API bearer tokens; shared by
 *     every instance. Blank: a random key per start, with a warning.
 * @param tokenTtl lifetime of a bearer token
 */
@Validated
@ConfigurationProperties("boxoffice.security")
record SecurityProperties(String tokenSecret, @NotNull @DefaultValue("15m") Duration tokenTtl) {}
