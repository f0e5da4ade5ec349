package io.boxoffice.checkout.internal.payment;

import io.boxoffice.shared.Money;
import java.util.Optional;

/**
 * The port to a payment provider. Every mutating call carries an idempotency key that the caller
 * derives deterministically from (order, operation, attempt): sending the same call again with the
 * same key never charges twice, it returns the first outcome. Never called inside a database
 * transaction.
 */
public interface PaymentGateway {

  /** Adapter name as configured ({@code simulated}, {@code stripe}); stored with each payment. */
  String name();

  /** Places a hold on the customer's card for {@code amount}; nothing is captured yet. */
  PaymentResult authorize(
      String idempotencyKey, Money amount, String paymentToken, String orderRef);

  /** Takes the authorized money. */
  PaymentResult capture(String idempotencyKey, String providerRef, Money amount);

  /** Releases an authorization that will not be captured. */
  PaymentResult voidAuthorization(String idempotencyKey, String providerRef);

  /** Returns captured money. */
  PaymentResult refund(String idempotencyKey, String providerRef, Money amount);

  /**
   * What the provider did with the call sent under {@code idempotencyKey}, if it ever received it:
   * how recovery resolves calls whose answer was lost (timeouts, crashes).
   */
  Optional<PaymentResult> lookup(String idempotencyKey);
}
