package io.boxoffice.checkout.internal.payment.simulated;

import io.boxoffice.checkout.internal.payment.PaymentResult;
import io.boxoffice.shared.Money;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated processor's own books: every payment it knows and the answer it gave to every
 * idempotency key. It stands for the provider's side, so it outlives any one application context in
 * the JVM (a test "restarts" the application and the provider still remembers), and a
 * reconciliation compares it with our database.
 */
public final class SimulatedLedger {

  /** What happened to one authorization. */
  public enum State {
    AUTHORIZED,
    CAPTURED,
    VOIDED,
    REFUNDED
  }

  public record Payment(
      String ref, String orderRef, Money amount, State state, boolean captureFails) {}

  private static final SimulatedLedger SHARED = new SimulatedLedger();

  private final Map<String, Payment> payments = new ConcurrentHashMap<>();
  private final Map<String, PaymentResult> answers = new ConcurrentHashMap<>();

  public static SimulatedLedger shared() {
    return SHARED;
  }

  Optional<PaymentResult> answer(String key) {
    return Optional.ofNullable(answers.get(key));
  }

  void answer(String key, PaymentResult result) {
    answers.put(key, result);
  }

  Optional<Payment> payment(String ref) {
    return Optional.ofNullable(payments.get(ref));
  }

  void put(Payment payment) {
    payments.put(payment.ref(), payment);
  }

  public List<Payment> payments() {
    return List.copyOf(payments.values());
  }

  /**
   * Test support: the provider's answer to a key is not visible for a while (a lost response whose
   * lookup also fails, as with a provider's lagging search index); returns it for {@link #answer}.
   */
  public Optional<PaymentResult> hide(String key) {
    return Optional.ofNullable(answers.remove(key));
  }

  /** Test support: makes a hidden answer visible again. */
  public void reveal(String key, PaymentResult result) {
    answers.put(key, result);
  }

  /** Test support: the provider's books changed behind our back (a reconciliation must notice). */
  public void tamper(Payment payment) {
    payments.put(payment.ref(), payment);
  }
}
