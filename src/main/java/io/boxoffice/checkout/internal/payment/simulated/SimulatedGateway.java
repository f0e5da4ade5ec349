package io.boxoffice.checkout.internal.payment.simulated;

import io.boxoffice.checkout.internal.payment.PaymentGateway;
import io.boxoffice.checkout.internal.payment.PaymentResult;
import io.boxoffice.checkout.internal.payment.simulated.SimulatedLedger.Payment;
import io.boxoffice.checkout.internal.payment.simulated.SimulatedLedger.State;
import io.boxoffice.shared.Money;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An in-process payment processor with the test tokens of API.md: {@code tok_ok} approves, {@code
 * tok_declined} and {@code tok_insufficient_funds} decline, {@code tok_timeout} processes the
 * authorization but answers with a timeout, {@code tok_capture_fails} authorizes but every capture
 * fails. Like a real provider, a call repeated with the same idempotency key returns the first
 * answer and does nothing again.
 */
public class SimulatedGateway implements PaymentGateway {

  private final SimulatedProcessorProperties properties;
  private final SimulatedLedger ledger;

  public SimulatedGateway(SimulatedProcessorProperties properties, SimulatedLedger ledger) {
    this.properties = properties;
    this.ledger = ledger;
  }

  @Override
  public String name() {
    return "simulated";
  }

  @Override
  public PaymentResult authorize(String key, Money amount, String token, String orderRef) {
    pause();
    return decideAuthorization(key, amount, token, orderRef);
  }

  /**
   * The ledger's decisions one at a time (a key answered once); the network time ({@link #pause})
   * outside the lock, so calls overlap as they do at a real processor.
   */
  private synchronized PaymentResult decideAuthorization(
      String key, Money amount, String token, String orderRef) {
    var earlier = ledger.answer(key);
    if (earlier.isPresent()) {
      return visible(earlier.get(), token);
    }
    if (randomly(properties.failureRate())) {
      return PaymentResult.failed("processor_unavailable");
    }
    PaymentResult result;
    switch (token) {
      case "tok_declined" -> result = PaymentResult.declined(null, "card_declined");
      case "tok_insufficient_funds" -> result = PaymentResult.declined(null, "insufficient_funds");
      case "tok_ok", "tok_timeout", "tok_capture_fails" -> {
        if (randomly(properties.declineRate())) {
          result = PaymentResult.declined(null, "card_declined");
        } else {
          var ref = "sim_pi_" + UUID.randomUUID();
          ledger.put(
              new Payment(
                  ref, orderRef, amount, State.AUTHORIZED, token.equals("tok_capture_fails")));
          result = PaymentResult.succeeded(ref);
        }
      }
      default -> result = PaymentResult.declined(null, "invalid_payment_token");
    }
    ledger.answer(key, result);
    if (token.equals("tok_timeout") || randomly(properties.timeoutRate())) {
      return PaymentResult.unknown("timeout");
    }
    return result;
  }

  /** {@code tok_timeout} keeps timing out on retries; recovery learns the truth from lookup. */
  private static PaymentResult visible(PaymentResult result, String token) {
    return token.equals("tok_timeout") ? PaymentResult.unknown("timeout") : result;
  }

  @Override
  public PaymentResult capture(String key, String ref, Money amount) {
    return mutate(key, ref, State.AUTHORIZED, State.CAPTURED, true);
  }

  @Override
  public PaymentResult voidAuthorization(String key, String ref) {
    return mutate(key, ref, State.AUTHORIZED, State.VOIDED, false);
  }

  @Override
  public PaymentResult refund(String key, String ref, Money amount) {
    return mutate(key, ref, State.CAPTURED, State.REFUNDED, false);
  }

  private PaymentResult mutate(String key, String ref, State from, State to, boolean capture) {
    pause();
    return decideMutation(key, ref, from, to, capture);
  }

  private synchronized PaymentResult decideMutation(
      String key, String ref, State from, State to, boolean capture) {
    var earlier = ledger.answer(key);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    if (randomly(properties.failureRate())) {
      return PaymentResult.failed("processor_unavailable");
    }
    var payment = ledger.payment(ref).orElse(null);
    PaymentResult result;
    if (payment == null) {
      result = PaymentResult.declined(ref, "no_such_payment");
    } else if (capture && payment.captureFails()) {
      return PaymentResult.failed("capture_failed"); // not remembered: every retry fails again
    } else if (payment.state() == to) {
      result = PaymentResult.succeeded(ref);
    } else if (payment.state() != from) {
      result = PaymentResult.declined(ref, "payment_is_" + payment.state().name().toLowerCase());
    } else {
      ledger.put(
          new Payment(ref, payment.orderRef(), payment.amount(), to, payment.captureFails()));
      result = PaymentResult.succeeded(ref);
    }
    ledger.answer(key, result);
    if (randomly(properties.timeoutRate())) {
      return PaymentResult.unknown("timeout");
    }
    return result;
  }

  @Override
  public Optional<PaymentResult> lookup(String key) {
    return ledger.answer(key);
  }

  private void pause() {
    try {
      Thread.sleep(properties.latency());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean randomly(double rate) {
    return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
  }
}
