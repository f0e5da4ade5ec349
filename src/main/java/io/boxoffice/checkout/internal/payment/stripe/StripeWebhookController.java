package io.boxoffice.checkout.internal.payment.stripe;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import io.boxoffice.shared.InvalidRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe's webhook endpoint. Anyone on the internet can POST here, so nothing is believed before
 * the {@code Stripe-Signature} header (an HMAC-SHA256 of timestamp and raw body under the
 * endpoint's secret, at most five minutes old) checks out; a request that fails is answered 400 and
 * changes nothing. A verified event is recorded once ({@link StripeWebhookInbox}) and answered 200
 * at once, also when it is a repeat, so that Stripe stops redelivering it. The body is taken as raw
 * bytes: the signature covers them exactly, and any parsing before the check could alter them.
 */
@RestController
@ConditionalOnProperty(name = "boxoffice.payments.provider", havingValue = "stripe")
@Tag(name = "Payments", description = "Notifications from the payment provider")
class StripeWebhookController {

  /** What the endpoint answers; Stripe only looks at the status. */
  record Receipt(String eventId, boolean duplicate) {}

  private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final StripeProperties properties;
  private final StripeWebhookInbox inbox;

  StripeWebhookController(StripeProperties properties, StripeWebhookInbox inbox) {
    this.properties = properties;
    this.inbox = inbox;
  }

  @Operation(summary = "Receive a signed Stripe event (called by Stripe, not by clients)")
  @PostMapping("/api/v1/payments/webhooks/stripe")
  Receipt receive(
      @RequestHeader(name = "Stripe-Signature", required = false) String signature,
      @RequestBody byte[] body) {
    if (signature == null || signature.isBlank()) {
      throw new InvalidRequest("Stripe-Signature", "is missing");
    }
    var payload = new String(body, StandardCharsets.UTF_8);
    com.stripe.model.Event event;
    try {
      event = Webhook.constructEvent(payload, signature, properties.webhookSecret());
    } catch (SignatureVerificationException e) {
      log.warn("stripe webhook rejected: {}", e.getMessage());
      throw new InvalidRequest("Stripe-Signature", "does not match the body");
    } catch (RuntimeException e) { // signed, yet not an event Stripe's SDK can read
      log.warn("stripe webhook unreadable: {}", e.getMessage());
      throw new InvalidRequest("body", "is not a Stripe event");
    }
    var notice = notice(event.getId(), event.getType(), payload);
    boolean first = inbox.accept(notice, payload);
    log.info("stripe webhook {} {}{}", notice.type(), notice.eventId(), first ? "" : " (repeat)");
    return new Receipt(notice.eventId(), !first);
  }

  /**
   * Picks the identifiers from {@code data.object}: a PaymentIntent names itself, a charge or
   * refund names its {@code payment_intent}; our key is in the metadata of the objects we created.
   */
  private static StripePaymentNotice notice(String id, String type, String payload) {
    JsonNode object;
    try {
      object = JSON.readTree(payload).path("data").path("object");
    } catch (JacksonException e) {
      throw new InvalidRequest("body", "is not JSON");
    }
    var intent =
        "payment_intent".equals(text(object.path("object")))
            ? text(object.path("id"))
            : text(object.path("payment_intent"));
    var key = text(object.path("metadata").path(StripeGateway.KEY_METADATA));
    return new StripePaymentNotice(id, type, intent, key);
  }

  private static String text(JsonNode node) {
    return node.isString() ? node.asString() : null;
  }
}
