package io.boxoffice.catalog.internal;

import io.boxoffice.catalog.NewVenue;
import io.boxoffice.catalog.SectionKind;
import io.boxoffice.shared.InvalidRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A venue's layout as it will be stored: every section with its seats, each seat knowing its row
 * order and its position along the row (what "adjacent" means to best-available).
 */
record Layout(List<SectionSpec> sections) {

  static final int MAX_SEATS = 100_000;

  record SectionSpec(
      String name,
      SectionKind kind,
      Integer capacity,
      double labelX,
      double labelY,
      List<SeatSpec> seats) {}

  record SeatSpec(
      String row,
      int rowIndex,
      String number,
      int position,
      double x,
      double y,
      boolean accessible,
      boolean companion,
      boolean restrictedView) {}

  /** Builds and checks the layout of a venue request; names the offending field if it is wrong. */
  static Layout of(NewVenue request) {
    var sections = new ArrayList<SectionSpec>();
    var names = new HashSet<String>();
    int total = 0;
    for (int i = 0; i < request.sections().size(); i++) {
      var section = request.sections().get(i);
      var field = "sections[" + i + "]";
      if (!names.add(section.name().strip())) {
        throw new InvalidRequest(field + ".name", "duplicate section name " + section.name());
      }
      var seats = seatsOf(section, field);
      total += seats.size();
      if (total > MAX_SEATS) {
        throw new InvalidRequest("sections", "a venue has at most " + MAX_SEATS + " seats");
      }
      var labelX = section.labelX() != null ? section.labelX() : centre(seats, SeatSpec::x);
      var labelY = section.labelY() != null ? section.labelY() : centre(seats, SeatSpec::y);
      sections.add(
          new SectionSpec(
              section.name().strip(),
              section.kind(),
              section.kind() == SectionKind.GENERAL_ADMISSION ? section.capacity() : null,
              labelX,
              labelY,
              seats));
    }
    return new Layout(sections);
  }

  private static List<SeatSpec> seatsOf(NewVenue.Section section, String field) {
    if (section.kind() == SectionKind.GENERAL_ADMISSION) {
      if (section.capacity() == null) {
        throw new InvalidRequest(
            field + ".capacity", "is required for a general-admission section");
      }
      if (section.seats() != null || section.generator() != null) {
        throw new InvalidRequest(field, "a general-admission section has no seats");
      }
      return List.of();
    }
    if (section.capacity() != null) {
      throw new InvalidRequest(field + ".capacity", "a seated section's capacity is its seats");
    }
    if ((section.seats() == null) == (section.generator() == null)) {
      throw new InvalidRequest(field, "give either seats or a generator for a seated section");
    }
    if (section.generator() != null) {
      return LayoutGenerator.generate(section.generator());
    }
    if (section.seats().isEmpty()) {
      throw new InvalidRequest(field + ".seats", "must not be empty");
    }
    return explicitSeats(section.seats(), field);
  }

  /** Rows are ordered by first appearance, seats by their order within the row. */
  private static List<SeatSpec> explicitSeats(List<NewVenue.Seat> requested, String field) {
    var rowIndex = new LinkedHashMap<String, Integer>();
    var nextPosition = new HashMap<String, Integer>();
    var labels = new HashSet<String>();
    var seats = new ArrayList<SeatSpec>(requested.size());
    for (int i = 0; i < requested.size(); i++) {
      var seat = requested.get(i);
      var row = seat.row().strip();
      var number = seat.number().strip();
      if (!labels.add(row + "\u0000" + number)) {
        throw new InvalidRequest(
            field + ".seats[" + i + "]", "seat " + row + "-" + number + " appears twice");
      }
      int index = rowIndex.computeIfAbsent(row, r -> rowIndex.size());
      int position = nextPosition.merge(row, 1, Integer::sum) - 1;
      seats.add(
          new SeatSpec(
              row,
              index,
              number,
              position,
              seat.x(),
              seat.y(),
              seat.accessible(),
              seat.companion(),
              seat.restrictedView()));
    }
    return seats;
  }

  private static double centre(
      List<SeatSpec> seats, java.util.function.ToDoubleFunction<SeatSpec> axis) {
    return seats.stream().mapToDouble(axis).average().orElse(0);
  }
}
