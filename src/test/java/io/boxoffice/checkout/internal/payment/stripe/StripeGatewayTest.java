package io.boxoffice.checkout.internal.payment.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.boxoffice.checkout.internal.payment.PaymentResult;
import io.boxoffice.checkout.internal.payment.PaymentResult.Outcome;
import io.boxoffice.shared.Money;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter against a stand-in for Stripe's API (WireMock on loopback) that answers with bodies
 * shaped like Stripe's: what each answer becomes, and that every call carries our idempotency key
 * as Stripe's {@code Idempotency-Key}.
 */
class StripeGatewayTest {

  private static final String KEY = "bo-3f1c9a52-authorize-1";
  private static final String ORDER = "3f1c9a52-0000-4000-8000-000000000001";
  private static final Money PRICE = Money.of(5_000, "EUR");

  private final WireMockServer stripe =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
  private StripeGateway gateway;

  @BeforeEach
  void startStripe() {
    stripe.start();
    gateway =
        StripeGateway.of(
            new StripeProperties(
                "sk_test_gateway",
                "whsec_unused",
                "http://127.0.0.1:" + stripe.port(),
                Duration.ofSeconds(2),
                Duration.ofMillis(500)));
  }

  @AfterEach
  void stopStripe() {
    stripe.stop();
  }

  @Test
  void authorizesWithAManuallyCapturedPaymentIntentSentUnderOurKey() {
    stripe.stubFor(
        post("/v1/payment_intents").willReturn(okJson(intent("pi_ok", "requires_capture"))));

    var result = gateway.authorize(KEY, PRICE, "pm_card_visa", ORDER);

    assertThat(result).isEqualTo(PaymentResult.succeeded("pi_ok"));
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/payment_intents"))
            .withHeader("Idempotency-Key", equalTo(KEY))
            .withHeader("Authorization", equalTo("Bearer sk_test_gateway"))
            .withFormParam("amount", equalTo("5000"))
            .withFormParam("currency", equalTo("eur"))
            .withFormParam("capture_method", equalTo("manual"))
            .withFormParam("confirm", equalTo("true"))
            .withFormParam("payment_method", equalTo("pm_card_visa"))
            .withFormParam("metadata[boxoffice_key]", equalTo(KEY))
            .withFormParam("metadata[boxoffice_order]", equalTo(ORDER)));
  }

  @Test
  void declinesWithTheIssuersCodeWhenStripeAnswersWithACardError() {
    stripe.stubFor(
        post("/v1/payment_intents")
            .willReturn(
                aResponse()
                    .withStatus(402)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Request-Id", "req_declined")
                    .withBody(
                        """
                        {"error": {
                          "type": "card_error",
                          "code": "card_declined",
                          "decline_code": "insufficient_funds",
                          "message": "Your card has insufficient funds.",
                          "doc_url": "https://stripe.com/docs/error-codes/card-declined",
                          "payment_intent": %s
                        }}
                        """
                            .formatted(intent("pi_declined", "requires_payment_method")))));

    var result = gateway.authorize(KEY, PRICE, "pm_card_chargeDeclinedInsufficientFunds", ORDER);

    assertThat(result).isEqualTo(PaymentResult.declined("pi_declined", "insufficient_funds"));
  }

  @Test
  void answersUnknownWhenStripeDoesNotAnswerWithinTheReadTimeout() {
    stripe.stubFor(
        post("/v1/payment_intents")
            .willReturn(okJson(intent("pi_late", "requires_capture")).withFixedDelay(2_000)));

    var result = gateway.authorize(KEY, PRICE, "pm_card_visa", ORDER);

    assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(result.reason()).isEqualTo("timeout");
  }

  @Test
  void anInternalErrorAtStripeIsAnUnknownOutcomeForRecoveryToResolve() {
    stripe.stubFor(
        post("/v1/payment_intents")
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        """
                        {"error": {"type": "api_error", "message": "An unknown error occurred"}}
                        """)));

    var result = gateway.authorize(KEY, PRICE, "pm_card_visa", ORDER);

    // Stripe may have acted before failing: recovery must look it up, not treat it as declined
    assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN);
  }

  @Test
  void failsWhenStripeLimitsTheRate() {
    stripe.stubFor(
        post("/v1/payment_intents")
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        """
                        {"error": {"type": "invalid_request_error", "code": "rate_limit",
                                   "message": "Too many requests hit the API too quickly."}}
                        """)));

    assertThat(gateway.authorize(KEY, PRICE, "pm_card_visa", ORDER))
        .isEqualTo(PaymentResult.failed("rate_limited"));
  }

  @Test
  void capturesTheAuthorizedAmountUnderItsOwnKey() {
    stripe.stubFor(
        post("/v1/payment_intents/pi_ok/capture").willReturn(okJson(intent("pi_ok", "succeeded"))));

    var result = gateway.capture("bo-3f1c9a52-capture-1", "pi_ok", PRICE);

    assertThat(result).isEqualTo(PaymentResult.succeeded("pi_ok"));
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/payment_intents/pi_ok/capture"))
            .withHeader("Idempotency-Key", equalTo("bo-3f1c9a52-capture-1"))
            .withFormParam("amount_to_capture", equalTo("5000")));
  }

  @Test
  void voidsByCancellingThePaymentIntentUnderItsOwnKey() {
    stripe.stubFor(
        post("/v1/payment_intents/pi_ok/cancel").willReturn(okJson(intent("pi_ok", "canceled"))));

    var result = gateway.voidAuthorization("bo-3f1c9a52-void-1", "pi_ok");

    assertThat(result).isEqualTo(PaymentResult.succeeded("pi_ok"));
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/payment_intents/pi_ok/cancel"))
            .withHeader("Idempotency-Key", equalTo("bo-3f1c9a52-void-1")));
  }

  @Test
  void refundsThePaymentIntentUnderItsOwnKey() {
    stripe.stubFor(
        post("/v1/refunds")
            .willReturn(
                okJson(
                    """
                    {"id": "re_1", "object": "refund", "status": "pending",
                     "payment_intent": "pi_ok", "amount": 5000, "currency": "eur"}
                    """)));

    var result = gateway.refund("bo-3f1c9a52-refund-1", "pi_ok", PRICE);

    assertThat(result).isEqualTo(PaymentResult.succeeded("pi_ok"));
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/refunds"))
            .withHeader("Idempotency-Key", equalTo("bo-3f1c9a52-refund-1"))
            .withFormParam("payment_intent", equalTo("pi_ok"))
            .withFormParam("amount", equalTo("5000")));
  }

  @Test
  void lookupFindsTheAuthorizationByTheKeyInItsMetadata() {
    stripe.stubFor(
        get(urlPathEqualTo("/v1/payment_intents/search"))
            .willReturn(okJson(searchResult(intent("pi_found", "requires_capture")))));

    var found = gateway.lookup(KEY);

    assertThat(found).contains(PaymentResult.succeeded("pi_found"));
    stripe.verify(
        getRequestedFor(urlPathEqualTo("/v1/payment_intents/search"))
            .withQueryParam("query", equalTo("metadata['boxoffice_key']:'" + KEY + "'")));
  }

  @Test
  void lookupReportsADeclinedAuthorizationAsDeclined() {
    stripe.stubFor(
        get(urlPathEqualTo("/v1/payment_intents/search"))
            .willReturn(okJson(searchResult(intent("pi_refused", "requires_payment_method")))));

    assertThat(gateway.lookup(KEY).orElseThrow().outcome()).isEqualTo(Outcome.DECLINED);
  }

  @Test
  void lookupFindsNothingForAKeyStripeNeverSaw() {
    stripe.stubFor(
        get(urlPathEqualTo("/v1/payment_intents/search")).willReturn(okJson(searchResult(""))));

    assertThat(gateway.lookup(KEY)).isEmpty();
  }

  private static String intent(String id, String status) {
    return """
        {"id": "%s", "object": "payment_intent", "status": "%s", "amount": 5000,
         "amount_capturable": 5000, "currency": "eur", "capture_method": "manual",
         "livemode": false, "metadata": {"boxoffice_key": "%s", "boxoffice_order": "%s"}}
        """
        .formatted(id, status, KEY, ORDER);
  }

  private static String searchResult(String data) {
    return """
        {"object": "search_result", "url": "/v1/payment_intents/search", "has_more": false,
         "next_page": null, "data": [%s]}
        """
        .formatted(data);
  }
}
