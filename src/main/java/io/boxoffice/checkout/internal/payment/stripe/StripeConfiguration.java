package io.boxoffice.checkout.internal.payment.stripe;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes Stripe the payment provider when {@code boxoffice.payments.provider=stripe}; with the
 * default ({@code simulated}) nothing here exists. Refuses to start without both secrets: an
 * endpoint that cannot verify signatures would answer every webhook 400 until Stripe disables it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "boxoffice.payments.provider", havingValue = "stripe")
class StripeConfiguration {

  @Bean
  StripeGateway stripeGateway(StripeProperties properties) {
    require(properties.apiKey(), "BOXOFFICE_PAYMENTS_STRIPE_API_KEY");
    require(properties.webhookSecret(), "BOXOFFICE_PAYMENTS_STRIPE_WEBHOOK_SECRET");
    return StripeGateway.of(properties);
  }

  private static void require(String secret, String variable) {
    if (secret == null || secret.isBlank()) {
      throw new IllegalStateException(
          "boxoffice.payments.provider=stripe needs the environment variable " + variable);
    }
  }
}
