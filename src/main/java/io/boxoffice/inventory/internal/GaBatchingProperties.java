package io.boxoffice.inventory.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Group commit of general-admission holds ({@link GaBatches}).
 *
 * @param enabled off: every claim is its own transaction on the counter row
 * @param maxBatch most claims decided in one transaction
 * @param timeout how long a request waits for its batch before it answers with an error
 */
@Validated
@ConfigurationProperties("boxoffice.inventory.ga-batching")
record GaBatchingProperties(
    @DefaultValue("true") boolean enabled,
    @Min(1) @Max(10_000) @DefaultValue("256") int maxBatch,
    @NotNull @DurationMin(millis = 100) @DefaultValue("30s") Duration timeout) {}
