package io.boxoffice.inventory;

import java.util.EnumSet;
import java.util.Set;

/**
 * The hold state machine. Every change is a conditional update from an expected state; these are
 * the only transitions the code allows (docs/inventory.md draws them, and a test checks the drawing
 * against this enum).
 */
public enum HoldStatus {
  /** Seats or places are held for the customer until {@code expiresAt}. */
  ACTIVE,
  /** Payment is in progress: the sweeper leaves it alone until the payment window closes. */
  CHECKING_OUT,
  /** Paid: the seats are sold. */
  CONFIRMED,
  /** Given back: by the customer, by a failed or cancelled purchase, or by a refund. */
  RELEASED,
  /** Not paid in time: the seats came back. */
  EXPIRED;

  public Set<HoldStatus> next() {
    return switch (this) {
      case ACTIVE -> EnumSet.of(CHECKING_OUT, RELEASED, EXPIRED);
      case CHECKING_OUT -> EnumSet.of(ACTIVE, CONFIRMED, RELEASED);
      case CONFIRMED -> EnumSet.of(RELEASED);
      case RELEASED, EXPIRED -> EnumSet.noneOf(HoldStatus.class);
    };
  }

  public boolean canBecome(HoldStatus target) {
    return next().contains(target);
  }

  /** Counts against the per-customer limit (an ACTIVE hold only until it expires). */
  public boolean isLive() {
    return this == ACTIVE || this == CHECKING_OUT || this == CONFIRMED;
  }
}
