/**
 * The Stripe adapter of the payment port, active only with {@code
 * boxoffice.payments.provider=stripe}: {@link
 * io.boxoffice.checkout.internal.payment.stripe.StripeGateway} maps authorize / capture / void /
 * refund onto a manually captured PaymentIntent, and the webhook endpoint records Stripe's signed
 * notices once each and announces them as {@link
 * io.boxoffice.checkout.internal.payment.stripe.StripePaymentNotice}. See {@code
 * docs/payments-stripe.md}.
 */
package io.boxoffice.checkout.internal.payment.stripe;
