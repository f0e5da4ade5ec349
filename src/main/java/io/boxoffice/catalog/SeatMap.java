package io.boxoffice.catalog;

import java.util.List;
import java.util.UUID;

/**
 * The static geometry of an event's venue with each seat's price tier. It changes only when the
 * event is edited, so clients cache it by the event's version.
 */
public record SeatMap(EventId eventId, int version, List<Section> sections) {

  public record Section(
      UUID id,
      String name,
      SectionKind kind,
      int capacity,
      UUID tierId,
      double labelX,
      double labelY,
      List<Row> rows) {}

  public record Row(String label, int index, List<Seat> seats) {}

  public record Seat(
      UUID seatId,
      String number,
      int position,
      double x,
      double y,
      UUID tierId,
      boolean accessible,
      boolean companion,
      boolean restrictedView) {}

  public int seatCount() {
    return sections.stream().flatMap(s -> s.rows().stream()).mapToInt(r -> r.seats().size()).sum();
  }
}
