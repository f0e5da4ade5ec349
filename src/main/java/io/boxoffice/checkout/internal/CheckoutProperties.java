package io.boxoffice.checkout.internal;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param paymentWindow how long past its expiry a hold being paid for stays protected
 * @param lease how long a step may run before recovery takes the order over
 * @param captureAttempts capture tries before the purchase is compensated
 * @param captureBackoff wait before the second capture try, doubling after each failure
 * @param recoveryInterval how often the recovery worker looks for stuck orders
 */
@Validated
@ConfigurationProperties("boxoffice.checkout")
record CheckoutProperties(
    @DefaultValue("5m") Duration paymentWindow,
    @DefaultValue("30s") Duration lease,
    @DefaultValue("5") @Min(1) int captureAttempts,
    @DefaultValue("2s") Duration captureBackoff,
    @DefaultValue("2s") Duration recoveryInterval) {}
