package io.boxoffice.inventory;

import java.util.List;
import java.util.UUID;

/**
 * What a customer asks to hold: named seats, places in a general-admission section, or the best.
 */
public sealed interface HoldRequest {

  /** At most this many seats or places in one request. */
  int MAX_PER_REQUEST = 10;

  int quantity();

  record Seats(List<UUID> seatIds) implements HoldRequest {
    @Override
    public int quantity() {
      return seatIds.size();
    }
  }

  record GeneralAdmission(UUID sectionId, int quantity) implements HoldRequest {}

  /** Adjacent seats in one row; optionally only of one tier or one section. */
  record BestAvailable(int quantity, UUID tierId, UUID sectionId) implements HoldRequest {}
}
