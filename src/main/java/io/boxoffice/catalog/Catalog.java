package io.boxoffice.catalog;

import java.util.Optional;

/** The catalog module's API: read events, their seat maps and what they sell. */
public interface Catalog {

  Optional<EventDetails> event(EventId id);

  /** Published (and later) events matching the query, soonest first. Drafts never appear. */
  EventPage search(EventQuery query);

  /** The seat geometry with each seat's tier; empty if the event does not exist. */
  Optional<SeatMap> seatMap(EventId id);

  /** Events published and inside their sale window at {@code now}. */
  java.util.List<EventId> onSale(java.time.Instant now);

  /** The terms a hold is decided on; cheap enough for every hold request. */
  Optional<SaleTerms> saleTerms(EventId id);

  /** Where a seat or a general-admission section is, in words: "Stalls, row C, seat 12". */
  default String placeLabel(java.util.UUID seatOrSection) {
    return placeLabels(java.util.List.of(seatOrSection)).getOrDefault(seatOrSection, "");
  }

  /** {@link #placeLabel} of many seats or sections in one read; unknown ones are missing. */
  java.util.Map<java.util.UUID, String> placeLabels(
      java.util.Collection<java.util.UUID> seatsOrSections);

  /** Every seat and general-admission area of the event with its tier. */
  InventoryPlan inventoryPlan(EventId id);
}
