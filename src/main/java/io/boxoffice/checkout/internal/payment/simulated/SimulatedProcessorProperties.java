package io.boxoffice.checkout.internal.payment.simulated;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The built-in payment processor used by demos, tests and load runs.
 *
 * @param latency how long each call takes
 * @param declineRate share of authorizations declined at random (besides {@code tok_declined})
 * @param timeoutRate share of calls processed but answered with a timeout
 * @param failureRate share of calls failing before anything happens
 */
@Validated
@ConfigurationProperties("boxoffice.payments.simulated")
public record SimulatedProcessorProperties(
    @DefaultValue("20ms") Duration latency,
    @DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double declineRate,
    @DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double timeoutRate,
    @DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double failureRate) {}
