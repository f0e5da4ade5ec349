package io.boxoffice.checkout.internal.payment.stripe;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How to reach Stripe. The two secrets come from the environment ({@code
 * BOXOFFICE_PAYMENTS_STRIPE_API_KEY}, {@code BOXOFFICE_PAYMENTS_STRIPE_WEBHOOK_SECRET}) and are
 * checked only when the Stripe provider is active ({@link StripeConfiguration}): these properties
 * are bound in every application, also those that run the simulated processor.
 *
 * @param apiKey secret key ({@code sk_live_...}, {@code sk_test_...}) or restricted key
 * @param webhookSecret signing secret of the webhook endpoint ({@code whsec_...})
 * @param apiBase where the API answers; tests point it at a local fake
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer; below the checkout lease (30 s by default) so
 *     that a call has ended, answered or {@code UNKNOWN}, before recovery takes its order over
 */
@ConfigurationProperties("boxoffice.payments.stripe")
public record StripeProperties(
    String apiKey,
    String webhookSecret,
    @DefaultValue("https://api.stripe.com") String apiBase,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("20s") Duration readTimeout) {

  /** Never prints the secrets (records print every component by default). */
  @Override
  public String toString() {
    return "StripeProperties[apiKey="
        + masked(apiKey)
        + ", webhookSecret="
        + masked(webhookSecret)
        + ", apiBase="
        + apiBase
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + "]";
  }

  private static String masked(String secret) {
    return secret == null || secret.isBlank() ? "<unset>" : "<set>";
  }
}
