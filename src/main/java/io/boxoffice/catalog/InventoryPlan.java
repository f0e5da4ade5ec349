package io.boxoffice.catalog;

import java.util.List;
import java.util.UUID;

/**
 * What an event sells, as the inventory module materialises it: every seat with its tier, every
 * general-admission section with its capacity and tier.
 */
public record InventoryPlan(EventId eventId, List<PricedSeat> seats, List<PricedArea> areas) {

  /**
   * @param sectionOrder the section's place in the layout
   * @param rowIndex rows counted from the front
   * @param position the seat's place along its row: adjacent seats have consecutive positions
   */
  public record PricedSeat(
      UUID seatId, UUID sectionId, UUID tierId, int sectionOrder, int rowIndex, int position) {}

  public record PricedArea(UUID sectionId, UUID tierId, int capacity) {}
}
