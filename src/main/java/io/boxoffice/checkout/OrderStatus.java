package io.boxoffice.checkout;

import java.util.EnumSet;
import java.util.Set;

/**
 * The purchase saga's states (ARCHITECTURE §5), persisted step by step. Authorize first, then
 * confirm the seats (the pivot), then capture; compensate on failure.
 */
public enum OrderStatus {
  AUTHORIZING,
  AUTHORIZED,
  CONFIRMED,
  CAPTURING,
  COMPLETED,
  DECLINED,
  VOIDING,
  CANCELLED,
  COMPENSATING,
  REFUNDING,
  REFUNDED;

  public Set<OrderStatus> next() {
    return switch (this) {
      case AUTHORIZING -> EnumSet.of(AUTHORIZED, DECLINED);
      case AUTHORIZED -> EnumSet.of(CONFIRMED, VOIDING);
      case CONFIRMED -> EnumSet.of(CAPTURING, COMPLETED, COMPENSATING);
      case CAPTURING -> EnumSet.of(COMPLETED, COMPENSATING);
      case COMPLETED -> EnumSet.of(REFUNDING);
      case VOIDING, COMPENSATING -> EnumSet.of(CANCELLED);
      case REFUNDING -> EnumSet.of(REFUNDED);
      case DECLINED, CANCELLED, REFUNDED -> EnumSet.noneOf(OrderStatus.class);
    };
  }

  public boolean canBecome(OrderStatus target) {
    return next().contains(target);
  }

  public boolean isTerminal() {
    return next().isEmpty() || this == COMPLETED;
  }

  /** The buyer has their tickets (capture may still be running). */
  public boolean isConfirmed() {
    return this == CONFIRMED || this == CAPTURING || this == COMPLETED;
  }
}
