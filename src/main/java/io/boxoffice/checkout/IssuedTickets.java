package io.boxoffice.checkout;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The tickets of an order, provided by the ticketing module (which depends on checkout, not the
 * other way round), so that an order can be answered with its tickets.
 */
public interface IssuedTickets {

  List<Ticket> of(OrderId order);

  record Ticket(
      UUID ticketId, UUID seatId, UUID sectionId, UUID tierId, String status, Instant issuedAt) {

    /** The seat, or the general-admission section for a standing ticket. */
    public UUID placeId() {
      return seatId != null ? seatId : sectionId;
    }
  }
}
