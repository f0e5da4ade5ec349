package io.boxoffice.checkout.internal.payment.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCaptureParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentSearchParams;
import com.stripe.param.RefundCreateParams;
import io.boxoffice.checkout.internal.payment.PaymentGateway;
import io.boxoffice.checkout.internal.payment.PaymentResult;
import io.boxoffice.shared.Money;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The payment port on Stripe: an authorization is a PaymentIntent confirmed with {@code
 * capture_method=manual}, which holds the money until it is captured or cancelled (voided).
 *
 * <p>Our idempotency key travels twice: as Stripe's {@code Idempotency-Key} header, so that a call
 * sent again returns Stripe's first answer instead of acting twice, and as the PaymentIntent's
 * metadata {@code boxoffice_key}, so that {@link #lookup} can find an authorization whose answer
 * was lost. The client is this instance's own ({@link StripeClient}, never the SDK's global {@code
 * Stripe.apiKey}), and it does not retry by itself: the saga and its recovery worker own retries,
 * and each of their attempts is recorded.
 */
public class StripeGateway implements PaymentGateway {

  static final String KEY_METADATA = "boxoffice_key";
  static final String ORDER_METADATA = "boxoffice_order";

  private static final Logger log = LoggerFactory.getLogger(StripeGateway.class);

  private final StripeClient stripe;

  public StripeGateway(StripeClient stripe) {
    this.stripe = stripe;
  }

  /** A gateway with its own client, configured from {@code properties}. */
  public static StripeGateway of(StripeProperties properties) {
    return new StripeGateway(
        StripeClient.builder()
            .setApiKey(properties.apiKey())
            .setApiBase(properties.apiBase())
            .setConnectTimeout(Math.toIntExact(properties.connectTimeout().toMillis()))
            .setReadTimeout(Math.toIntExact(properties.readTimeout().toMillis()))
            .setMaxNetworkRetries(0)
            .build());
  }

  @Override
  public String name() {
    return "stripe";
  }

  @Override
  public PaymentResult authorize(String key, Money amount, String paymentToken, String orderRef) {
    var params =
        PaymentIntentCreateParams.builder()
            .setAmount(amount.amount())
            .setCurrency(amount.currency().toLowerCase(Locale.ROOT))
            .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.MANUAL)
            .setConfirm(true)
            .setPaymentMethod(paymentToken)
            // cards only: no redirect-based method that would need a return_url
            .addPaymentMethodType("card")
            .putMetadata(KEY_METADATA, key)
            .putMetadata(ORDER_METADATA, orderRef)
            .build();
    return call(
        "authorize",
        key,
        () ->
            StripeOutcomes.authorization(
                stripe.v1().paymentIntents().create(params, options(key))));
  }

  @Override
  public PaymentResult capture(String key, String providerRef, Money amount) {
    var params = PaymentIntentCaptureParams.builder().setAmountToCapture(amount.amount()).build();
    return call(
        "capture",
        key,
        () ->
            StripeOutcomes.capture(
                stripe.v1().paymentIntents().capture(providerRef, params, options(key))));
  }

  @Override
  public PaymentResult voidAuthorization(String key, String providerRef) {
    var params =
        PaymentIntentCancelParams.builder()
            .setCancellationReason(PaymentIntentCancelParams.CancellationReason.ABANDONED)
            .build();
    return call(
        "void",
        key,
        () ->
            StripeOutcomes.cancel(
                stripe.v1().paymentIntents().cancel(providerRef, params, options(key))));
  }

  @Override
  public PaymentResult refund(String key, String providerRef, Money amount) {
    var params =
        RefundCreateParams.builder()
            .setPaymentIntent(providerRef)
            .setAmount(amount.amount())
            .putMetadata(KEY_METADATA, key)
            .build();
    return call(
        "refund",
        key,
        () ->
            StripeOutcomes.refund(stripe.v1().refunds().create(params, options(key)), providerRef));
  }

  /**
   * Answers for the <em>authorization</em> sent under {@code key} (the only call recovery asks
   * about): found by its metadata through Stripe's search API. Search is eventually consistent
   * (Stripe: usually within a minute, longer during outages), so "not found" soon after the call
   * only means "not yet visible": the saga then sends the authorization again under the same key,
   * which Stripe answers from its idempotency store, and {@code LateResults} keeps asking for a
   * day. A search that fails is answered the same way, as "not found": re-sending under the same
   * key is safe, whereas an {@code UNKNOWN} answer would end {@code LateResults}' watch.
   */
  @Override
  public Optional<PaymentResult> lookup(String key) {
    var params =
        PaymentIntentSearchParams.builder()
            .setQuery("metadata['" + KEY_METADATA + "']:'" + quoted(key) + "'")
            .setLimit(1L)
            .build();
    try {
      var found = stripe.v1().paymentIntents().search(params).getData();
      return found.isEmpty()
          ? Optional.empty()
          : Optional.of(StripeOutcomes.authorization(found.getFirst()));
    } catch (StripeException e) {
      log.warn(
          "stripe lookup of {} failed: {} (request {})", key, e.getMessage(), e.getRequestId());
      return Optional.empty();
    }
  }

  private interface StripeCall {
    PaymentResult send() throws StripeException;
  }

  private static PaymentResult call(String operation, String key, StripeCall call) {
    try {
      return call.send();
    } catch (StripeException e) {
      var result = StripeOutcomes.of(e);
      log.warn(
          "stripe {} {}: {} {} (HTTP {}, request {})",
          operation,
          key,
          result.outcome(),
          result.reason(),
          e.getStatusCode(),
          e.getRequestId());
      return result;
    }
  }

  private static RequestOptions options(String key) {
    return RequestOptions.builder().setIdempotencyKey(key).build();
  }

  /** Search query strings are single-quoted; a quote or backslash inside is escaped. */
  private static String quoted(String value) {
    return value.replace("\\", "\\\\").replace("'", "\\'");
  }
}
