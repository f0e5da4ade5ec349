package io.boxoffice.checkout.internal.payment;

/**
 * The outcome of one provider call.
 *
 * @param providerRef the provider's id of the payment (authorization), when there is one
 * @param reason decline or error code for humans and metrics ({@code card_declined}, ...)
 */
public record PaymentResult(Outcome outcome, String providerRef, String reason) {

  public enum Outcome {
    /** Done: authorized, captured, voided or refunded. */
    SUCCEEDED,
    /**
     * Refused for good (card declined, insufficient funds); retrying with the same key repeats it.
     */
    DECLINED,
    /** Failed before anything happened at the provider; safe to retry. */
    FAILED,
    /**
     * No answer (timeout, connection lost): it may or may not have happened; ask {@code lookup}.
     */
    UNKNOWN
  }

  public static PaymentResult succeeded(String providerRef) {
    return new PaymentResult(Outcome.SUCCEEDED, providerRef, null);
  }

  public static PaymentResult declined(String providerRef, String reason) {
    return new PaymentResult(Outcome.DECLINED, providerRef, reason);
  }

  public static PaymentResult failed(String reason) {
    return new PaymentResult(Outcome.FAILED, null, reason);
  }

  public static PaymentResult unknown(String reason) {
    return new PaymentResult(Outcome.UNKNOWN, null, reason);
  }

  public boolean succeeded() {
    return outcome == Outcome.SUCCEEDED;
  }
}
