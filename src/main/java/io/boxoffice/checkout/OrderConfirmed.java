package io.boxoffice.checkout;

import io.boxoffice.catalog.EventId;
import io.boxoffice.identity.AccountId;
import java.util.List;
import java.util.UUID;

/**
 * The seats of an order are sold. Heard synchronously by ticketing, which issues the tickets in the
 * same transaction, and after commit (through the event publication registry) by the capture step.
 *
 * @param lines one per seat, or one per general-admission section with its quantity
 */
public record OrderConfirmed(
    OrderId orderId, EventId eventId, AccountId customerId, List<Line> lines) {

  public record Line(UUID seatId, UUID sectionId, UUID tierId, int quantity) {}
}
