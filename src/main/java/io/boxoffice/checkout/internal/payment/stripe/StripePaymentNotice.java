package io.boxoffice.checkout.internal.payment.stripe;

/**
 * Stripe told us something happened to a payment (a verified webhook, announced once per Stripe
 * event id). It carries identifiers only: the order of deliveries is not guaranteed, so a listener
 * that acts on it asks the provider for the current state instead of trusting the notice's.
 *
 * @param eventId Stripe's event id ({@code evt_...})
 * @param type Stripe's event type ({@code payment_intent.succeeded}, {@code charge.refunded}, ...)
 * @param paymentIntentId the PaymentIntent concerned, when the event names one
 * @param boxofficeKey our idempotency key from the object's metadata, when it carries one
 */
public record StripePaymentNotice(
    String eventId, String type, String paymentIntentId, String boxofficeKey) {}
