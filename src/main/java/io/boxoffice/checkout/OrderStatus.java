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
      // a declined order comes back only when its authorization turns out, late, to have
      // succeeded after all (see LateResults)
      case DECLINED -> EnumSet.of(AUTHORIZED);
      case CANCELLED, REFUNDED -> EnumSet.noneOf(OrderStatus.class);
    };
  }

  public boolean canBecome(OrderStatus target) {
    return next().contains(target);
  }

  /** Nothing more happens to the order unless someone acts (a refund, a late payment result). */
  public boolean isTerminal() {
    return this == COMPLETED || this == DECLINED || this == CANCELLED || this == REFUNDED;
  }

  /** The buyer has their tickets (capture may still be running). */
  public boolean isConfirmed() {
    return this == CONFIRMED || this == CAPTURING || this == COMPLETED;
  }
}
