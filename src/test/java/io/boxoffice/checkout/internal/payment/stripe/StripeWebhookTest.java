package io.boxoffice.checkout.internal.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.test.Api;
import io.boxoffice.test.IntegrationTest;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.TestPropertySource;

/**
 * Stripe's webhooks reach the running service with the Stripe provider active: signed as Stripe
 * signs them ({@code t=<unix time>,v1=<hex HMAC-SHA256 of "t.body" under the endpoint secret>}),
 * recorded once per event id, announced once; anything unsigned or altered changes nothing.
 */
@TestPropertySource(
    properties = {
      "boxoffice.payments.provider=stripe",
      "boxoffice.payments.stripe.api-key=sk_test_webhooks",
      "boxoffice.payments.stripe.webhook-secret=" + StripeWebhookTest.SECRET,
      // nothing listens there: these tests never call Stripe's API
      "boxoffice.payments.stripe.api-base=http://127.0.0.1:9"
    })
class StripeWebhookTest extends IntegrationTest {

  static final String SECRET = "whsec_test_0123456789abcdef";
  private static final String PATH = "/api/v1/payments/webhooks/stripe";

  /** Collects the notices the endpoint announces. */
  @TestConfiguration
  static class Notices {
    final List<StripePaymentNotice> received = new CopyOnWriteArrayList<>();

    @EventListener
    void on(StripePaymentNotice notice) {
      received.add(notice);
    }
  }

  @Autowired Notices notices;

  @BeforeEach
  void noNoticesYet() {
    notices.received.clear();
  }

  @Test
  void recordsAndAnnouncesASignedEvent() {
    var event = event("evt_signed", "pi_signed");

    var response = deliver(event, signature(event, Instant.now()));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("duplicate").asBoolean()).isFalse();
    assertThat(rows("evt_signed")).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select payload -> 'data' -> 'object' ->> 'id' from payment_webhook_event",
                String.class))
        .isEqualTo("pi_signed");
    assertThat(notices.received)
        .containsExactly(
            new StripePaymentNotice(
                "evt_signed",
                "payment_intent.amount_capturable_updated",
                "pi_signed",
                "bo-order-authorize-1"));
  }

  @Test
  void recordsAndAnnouncesAnEventDeliveredTwiceOnlyOnce() {
    var event = event("evt_twice", "pi_twice");

    var first = deliver(event, signature(event, Instant.now()));
    var second = deliver(event, signature(event, Instant.now()));

    assertThat(first.status()).isEqualTo(200);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json().path("duplicate").asBoolean()).isTrue();
    assertThat(rows("evt_twice")).isEqualTo(1);
    assertThat(notices.received).hasSize(1);
  }

  @Test
  void rejectsABodyAlteredAfterSigning() {
    var event = event("evt_tampered", "pi_tampered");
    var signature = signature(event, Instant.now());

    var response = deliver(event.replace("5000", "1"), signature);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(rows("evt_tampered")).isZero();
    assertThat(notices.received).isEmpty();
  }

  @Test
  void rejectsAnEventWithoutSignature() {
    var response = deliver(event("evt_unsigned", "pi_unsigned"), null);

    assertThat(response.status()).isEqualTo(400);
    assertThat(rows("evt_unsigned")).isZero();
  }

  @Test
  void rejectsASignatureOlderThanStripesTolerance() {
    var event = event("evt_replayed", "pi_replayed");

    var response = deliver(event, signature(event, Instant.now().minusSeconds(600)));

    assertThat(response.status()).isEqualTo(400);
    assertThat(rows("evt_replayed")).isZero();
  }

  private Api.Response deliver(String body, String signature) {
    var request =
        api.request(PATH, null)
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (signature != null) {
      request.header("Stripe-Signature", signature);
    }
    return api.send(request);
  }

  private int rows(String eventId) {
    return jdbc.queryForObject(
        "select count(*) from payment_webhook_event where event_id = ?", Integer.class, eventId);
  }

  /** Stripe's scheme: HMAC-SHA256 over "{timestamp}.{raw body}", keyed by the whole secret. */
  private static String signature(String body, Instant at) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      var signed = at.getEpochSecond() + "." + body;
      var v1 = HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
      return "t=" + at.getEpochSecond() + ",v1=" + v1;
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String event(String id, String paymentIntent) {
    return """
        {"id": "%s", "object": "event", "api_version": "2025-08-27.basil", "created": 1760000000,
         "livemode": false, "pending_webhooks": 1, "type": "payment_intent.amount_capturable_updated",
         "request": {"id": null, "idempotency_key": "bo-order-authorize-1"},
         "data": {"object": {"id": "%s", "object": "payment_intent", "status": "requires_capture",
                             "amount": 5000, "amount_capturable": 5000, "currency": "eur",
                             "metadata": {"boxoffice_key": "bo-order-authorize-1",
                                          "boxoffice_order": "order"}}}}
        """
        .formatted(id, paymentIntent);
  }
}
