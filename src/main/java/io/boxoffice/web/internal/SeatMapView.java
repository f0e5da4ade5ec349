package io.boxoffice.web.internal;

import io.boxoffice.catalog.PriceTier;
import io.boxoffice.catalog.SeatMap;
import io.boxoffice.catalog.SectionKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The seated part of a venue, ready to draw as inline SVG: a stadium has 50,000 seats, so each seat
 * carries only its coordinates as short strings, its classes and its label, and everything that
 * repeats (colour, radius, strokes) lives in the stylesheet.
 *
 * @param viewBox the seats' bounding box plus a margin, in seat-map units
 * @param fontSize section label size, scaled to the map so labels stay readable on any venue
 */
record SeatMapView(String viewBox, String fontSize, List<Label> labels, List<Seat> seats) {

  /**
   * The seat radius drawn by {@code event.html} ({@code r=".4"}): seats are about one unit apart,
   * so this leaves a visible gap between neighbours.
   */
  private static final double RADIUS = 0.4;

  private static final double MARGIN = 2;

  record Label(String x, String y, String text) {}

  /**
   * @param css {@code seat}, the tier class {@code t<rank>}, then any of {@code accessible}, {@code
   *     companion}, {@code unavailable}
   * @param label "Stalls, row A, seat 12, Premium €89.00, wheelchair accessible"
   */
  record Seat(String id, String cx, String cy, String css, String label) {}

  /**
   * @param tierCss the tier's colour class by tier id
   * @param tierText the tier's "Premium €89.00" by tier id
   * @return empty when the venue has no seats (general admission only)
   */
  static Optional<SeatMapView> of(
      SeatMap map, Set<UUID> unavailable, Map<UUID, String> tierCss, Map<UUID, String> tierText) {
    var seats = new ArrayList<Seat>(map.seatCount());
    var labels = new ArrayList<Label>();
    var box = new Box();
    for (var section : map.sections()) {
      if (section.kind() != SectionKind.SEATED || section.rows().isEmpty()) {
        continue;
      }
      labels.add(new Label(number(section.labelX()), number(section.labelY()), section.name()));
      box.add(section.labelX(), section.labelY());
      for (var row : section.rows()) {
        for (var seat : row.seats()) {
          box.add(seat.x(), seat.y());
          boolean taken = unavailable.contains(seat.seatId());
          seats.add(
              new Seat(
                  seat.seatId().toString(),
                  number(seat.x()),
                  number(seat.y()),
                  css(seat, tierCss.get(seat.tierId()), taken),
                  label(section, row, seat, tierText.get(seat.tierId()), taken)));
        }
      }
    }
    if (seats.isEmpty()) {
      return Optional.empty();
    }
    double size = Math.max(0.8, Math.min(box.width(), box.height()) / 25);
    return Optional.of(new SeatMapView(box.viewBox(), number(size), labels, seats));
  }

  /** Tier colours follow the tier's rank, so the best tier always has the first colour. */
  static String tierCss(PriceTier tier) {
    return "t" + Math.floorMod(tier.rank(), 8);
  }

  private static String css(SeatMap.Seat seat, String tierCss, boolean taken) {
    var css = new StringBuilder("seat");
    if (tierCss != null) {
      css.append(' ').append(tierCss);
    }
    if (seat.accessible()) {
      css.append(" accessible");
    }
    if (seat.companion()) {
      css.append(" companion");
    }
    if (taken) {
      css.append(" unavailable");
    }
    return css.toString();
  }

  private static String label(
      SeatMap.Section section, SeatMap.Row row, SeatMap.Seat seat, String tier, boolean taken) {
    var label = new StringBuilder(64);
    label.append(section.name()).append(", row ").append(row.label());
    label.append(", seat ").append(seat.number());
    if (tier != null) {
      label.append(", ").append(tier);
    }
    if (seat.accessible()) {
      label.append(", wheelchair accessible");
    }
    if (seat.companion()) {
      label.append(", companion seat");
    }
    if (seat.restrictedView()) {
      label.append(", restricted view");
    }
    if (taken) {
      label.append(", unavailable");
    }
    return label.toString();
  }

  /** The shortest text of a coordinate to 1/100 unit: 12.0 → "12", 3.5 → "3.5". */
  static String number(double value) {
    double rounded = Math.round(value * 100) / 100.0;
    if (rounded == Math.rint(rounded)) {
      return Long.toString((long) rounded);
    }
    return BigDecimal.valueOf(rounded).stripTrailingZeros().toPlainString();
  }

  /** Bounds of everything drawn. */
  private static final class Box {
    private double minX = Double.MAX_VALUE;
    private double minY = Double.MAX_VALUE;
    private double maxX = -Double.MAX_VALUE;
    private double maxY = -Double.MAX_VALUE;

    void add(double x, double y) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }

    double width() {
      return maxX - minX + 2 * (MARGIN + RADIUS);
    }

    double height() {
      return maxY - minY + 2 * (MARGIN + RADIUS);
    }

    String viewBox() {
      double pad = MARGIN + RADIUS;
      return String.join(
          " ", number(minX - pad), number(minY - pad), number(width()), number(height()));
    }
  }
}
