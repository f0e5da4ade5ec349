package io.boxoffice.checkout.internal.payment;

import io.boxoffice.checkout.internal.payment.simulated.SimulatedGateway;
import io.boxoffice.checkout.internal.payment.simulated.SimulatedLedger;
import io.boxoffice.checkout.internal.payment.simulated.SimulatedProcessorProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Picks the payment provider: {@code boxoffice.payments.provider=simulated} (the default) or {@code
 * stripe} (its adapter configures itself).
 */
@Configuration(proxyBeanMethods = false)
class PaymentConfiguration {

  @Bean
  @ConditionalOnProperty(
      name = "boxoffice.payments.provider",
      havingValue = "simulated",
      matchIfMissing = true)
  PaymentGateway simulatedGateway(SimulatedProcessorProperties properties) {
    return new SimulatedGateway(properties, SimulatedLedger.shared());
  }
}
