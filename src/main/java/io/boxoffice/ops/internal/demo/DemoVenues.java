package io.boxoffice.ops.internal.demo;

import io.boxoffice.catalog.NewVenue;
import io.boxoffice.catalog.SeatGenerator;
import io.boxoffice.catalog.SeatGenerator.RowLabels;
import io.boxoffice.catalog.SeatGenerator.SeatRange;
import io.boxoffice.catalog.SeatGenerator.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The three demo venues, each with the tier that prices each of its sections. */
final class DemoVenues {

  /** A venue and, per section name, the name of the tier that prices it. */
  record DemoVenue(NewVenue venue, Map<String, String> tierBySection) {}

  private DemoVenues() {}

  /** A 1,200-seat theatre: curved stalls, circle and balcony; wheelchair places in the stalls. */
  static DemoVenue theatre() {
    var stalls =
        generator(20, 30, Shape.CURVED, 0, 10, 0, 25.0)
            .withAttributes(
                List.of(new SeatRange("T", 1, 2), new SeatRange("T", 29, 30)),
                List.of(new SeatRange("T", 3, 3), new SeatRange("T", 28, 28)),
                List.of());
    var circle = generator(12, 35, Shape.CURVED, 0, 40, 0, 45.0);
    var balcony =
        generator(6, 30, Shape.CURVED, 0, 58, 0, 60.0)
            .withAttributes(
                List.of(),
                List.of(),
                List.of(new SeatRange("F", 1, 4), new SeatRange("F", 27, 30)));
    var sections = new LinkedHashMap<String, String>();
    sections.put("Stalls", "Premium");
    sections.put("Circle", "Standard");
    sections.put("Balcony", "Value");
    var venue =
        new NewVenue(
            "Grand Theatre",
            "Vienna",
            "Ringstrasse 1",
            List.of(
                NewVenue.Section.generated("Stalls", stalls.spec()),
                NewVenue.Section.generated("Circle", circle.spec()),
                NewVenue.Section.generated("Balcony", balcony.spec())));
    return new DemoVenue(venue, sections);
  }

  /** A general-admission hall for 5,000. */
  static DemoVenue hall() {
    var venue =
        new NewVenue(
            "Riverside Hall",
            "Berlin",
            "Spreeufer 5",
            List.of(NewVenue.Section.generalAdmission("Floor", 5_000)));
    return new DemoVenue(venue, Map.of("Floor", "General admission"));
  }

  /**
   * A 50,000-seat stadium: 16 sections of 25 rows × 125 seats in four stands around the pitch (five
   * sections along each touchline, three behind each goal).
   */
  static DemoVenue stadium() {
    var sections = new ArrayList<NewVenue.Section>();
    var tiers = new LinkedHashMap<String, String>();
    double sectionWidth = 125 + 4; // seats plus an aisle
    // North and South: along the touchlines, facing the pitch.
    for (int i = 0; i < 5; i++) {
      double x = (i - 2) * sectionWidth;
      var tier = i == 2 ? "Centre" : "Side";
      addStand(sections, tiers, "North " + (i + 1), x, -60, 180, tier);
      addStand(sections, tiers, "South " + (i + 1), x, 60, 0, tier);
    }
    // East and West: behind the goals.
    for (int i = 0; i < 3; i++) {
      double y = (i - 1) * sectionWidth;
      addStand(sections, tiers, "East " + (i + 1), 340, y, -90, "End");
      addStand(sections, tiers, "West " + (i + 1), -340, y, 90, "End");
    }
    return new DemoVenue(new NewVenue("City Stadium", "Madrid", "Paseo 3", sections), tiers);
  }

  private static void addStand(
      List<NewVenue.Section> sections,
      Map<String, String> tiers,
      String name,
      double x,
      double y,
      double rotation,
      String tier) {
    var spec = generator(25, 125, Shape.STRAIGHT, x, y, rotation, null);
    sections.add(NewVenue.Section.generated(name, spec.spec()));
    tiers.put(name, tier);
  }

  private static Gen generator(
      int rows, int perRow, Shape shape, double x, double y, double rotation, Double radius) {
    return new Gen(rows, perRow, shape, x, y, rotation, radius, List.of(), List.of(), List.of());
  }

  /** A small builder around {@link SeatGenerator} so the venues above read as data. */
  private record Gen(
      int rows,
      int perRow,
      Shape shape,
      double x,
      double y,
      double rotation,
      Double radius,
      List<SeatRange> accessible,
      List<SeatRange> companion,
      List<SeatRange> restricted) {

    Gen withAttributes(
        List<SeatRange> accessible, List<SeatRange> companion, List<SeatRange> restricted) {
      return new Gen(
          rows, perRow, shape, x, y, rotation, radius, accessible, companion, restricted);
    }

    SeatGenerator spec() {
      return new SeatGenerator(
          rows,
          perRow,
          shape,
          x,
          y,
          rotation,
          1.0,
          1.2,
          radius,
          RowLabels.LETTERS,
          accessible,
          companion,
          restricted);
    }
  }
}
