package io.boxoffice.inventory;

import io.boxoffice.catalog.EventId;
import io.boxoffice.identity.AccountId;
import io.boxoffice.shared.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A customer's claim on seats or general-admission places of one event.
 *
 * @param items one per seat, or one for the places of a general-admission section
 * @param checkoutUntil end of the payment window while {@code CHECKING_OUT}, else null
 */
public record Hold(
    HoldId id,
    EventId eventId,
    AccountId customerId,
    HoldStatus status,
    List<Item> items,
    Money total,
    Instant expiresAt,
    Instant checkoutUntil,
    Instant createdAt) {

  /**
   * @param seatId the seat, or null for general admission
   * @param sectionId the seat's section or the general-admission section
   */
  public record Item(UUID seatId, UUID sectionId, UUID tierId, int quantity, Money price) {}

  /** The same hold in another state (as a transition the caller has just made left it). */
  public Hold moved(HoldStatus to, Instant newCheckoutUntil) {
    return new Hold(
        id, eventId, customerId, to, items, total, expiresAt, newCheckoutUntil, createdAt);
  }

  public int quantity() {
    return items.stream().mapToInt(Item::quantity).sum();
  }
}
