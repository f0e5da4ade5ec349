package io.boxoffice.checkout.internal.payment.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.CardException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeError;
import io.boxoffice.checkout.internal.payment.PaymentResult;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;

/**
 * Translates Stripe's answers into the four outcomes of the port. The line that matters most is
 * between {@code UNKNOWN} and the rest: only a call whose answer never arrived (connection lost,
 * read timeout) is {@code UNKNOWN}, because only then may Stripe have acted without our knowing;
 * recovery resolves it with {@link StripeGateway#lookup}. Stripe's 5xx is {@code UNKNOWN} too: it
 * does not prove that nothing happened. A decline is {@code DECLINED}; a 429 and other errors are
 * {@code FAILED}.
 */
final class StripeOutcomes {

  private StripeOutcomes() {}

  /**
   * What became of an authorization (a PaymentIntent created with {@code capture_method=manual} and
   * {@code confirm=true}), from the create call or from a later search.
   */
  static PaymentResult authorization(PaymentIntent intent) {
    var id = intent.getId();
    return switch (String.valueOf(intent.getStatus())) {
      // succeeded: captured since, which still means the authorization happened
      case "requires_capture", "succeeded" -> PaymentResult.succeeded(id);
      case "requires_payment_method" -> PaymentResult.declined(id, reason(intent));
      // a server-side confirmation cannot complete 3-D Secure: no money is held
      case "requires_action" -> PaymentResult.declined(id, "authentication_required");
      case "canceled" -> PaymentResult.declined(id, "canceled");
      // not decided yet (cards hardly ever stop here): ask again later
      case "processing" -> new PaymentResult(PaymentResult.Outcome.UNKNOWN, id, "processing");
      default -> PaymentResult.failed("unexpected_status_" + intent.getStatus());
    };
  }

  /** A capture answered with the PaymentIntent; cards are {@code succeeded} at once. */
  static PaymentResult capture(PaymentIntent intent) {
    return switch (String.valueOf(intent.getStatus())) {
      case "succeeded", "processing" -> PaymentResult.succeeded(intent.getId());
      default -> PaymentResult.failed("unexpected_status_" + intent.getStatus());
    };
  }

  /** A cancel that Stripe answered leaves the PaymentIntent {@code canceled}. */
  static PaymentResult cancel(PaymentIntent intent) {
    return "canceled".equals(intent.getStatus())
        ? PaymentResult.succeeded(intent.getId())
        : PaymentResult.failed("unexpected_status_" + intent.getStatus());
  }

  /**
   * A refund Stripe accepted ({@code pending} for most cards, {@code succeeded} for some) is done
   * from our side; a later failure arrives as a webhook ({@code refund.failed}).
   */
  static PaymentResult refund(Refund refund, String paymentIntentId) {
    return switch (String.valueOf(refund.getStatus())) {
      case "succeeded", "pending", "requires_action" -> PaymentResult.succeeded(paymentIntentId);
      default ->
          PaymentResult.declined(
              paymentIntentId,
              refund.getFailureReason() != null
                  ? refund.getFailureReason()
                  : "refund_" + refund.getStatus());
    };
  }

  /** An error Stripe answered, or the lack of an answer. */
  static PaymentResult of(StripeException e) {
    return switch (e) {
      case CardException card -> PaymentResult.declined(intentId(card), declineCode(card));
      case ApiConnectionException lost ->
          PaymentResult.unknown(timedOut(lost) ? "timeout" : "connection_failed");
      case RateLimitException limited -> PaymentResult.failed("rate_limited");
      // a 5xx does not prove that nothing happened (Stripe stores it under the key): recovery
      // looks the call up instead of treating it as refused
      case ApiException server -> PaymentResult.unknown(codeOr(server, "stripe_unavailable"));
      default -> PaymentResult.failed(codeOr(e, "stripe_error"));
    };
  }

  private static String reason(PaymentIntent intent) {
    var error = intent.getLastPaymentError();
    if (error == null) {
      return "card_declined";
    }
    return first(error.getDeclineCode(), error.getCode(), "card_declined");
  }

  private static String declineCode(CardException card) {
    return first(card.getDeclineCode(), card.getCode(), "card_declined");
  }

  private static String intentId(CardException card) {
    StripeError error = card.getStripeError();
    return error == null || error.getPaymentIntent() == null
        ? null
        : error.getPaymentIntent().getId();
  }

  private static boolean timedOut(ApiConnectionException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static String codeOr(StripeException e, String fallback) {
    return e.getCode() != null ? e.getCode() : fallback;
  }

  private static String first(String... candidates) {
    for (var candidate : candidates) {
      if (candidate != null && !candidate.isBlank()) {
        return candidate;
      }
    }
    return null;
  }
}
