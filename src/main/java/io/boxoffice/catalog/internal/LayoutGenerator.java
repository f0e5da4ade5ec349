package io.boxoffice.catalog.internal;

import io.boxoffice.catalog.SeatGenerator;
import java.util.ArrayList;
import java.util.List;

/** Places the seats of a {@link SeatGenerator}: straight or curved rows, rotated and moved. */
final class LayoutGenerator {

  private LayoutGenerator() {}

  static List<Layout.SeatSpec> generate(SeatGenerator spec) {
    var shape = spec.shape() == null ? SeatGenerator.Shape.STRAIGHT : spec.shape();
    double seatSpacing = orDefault(spec.seatSpacing(), 1.0);
    double rowSpacing = orDefault(spec.rowSpacing(), 1.2);
    double radius = orDefault(spec.curveRadius(), 20.0);
    double angle = Math.toRadians(orDefault(spec.rotationDegrees(), 0.0));
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    double originX = orDefault(spec.originX(), 0.0);
    double originY = orDefault(spec.originY(), 0.0);

    var seats = new ArrayList<Layout.SeatSpec>(spec.seatCount());
    for (int r = 0; r < spec.rows(); r++) {
      var label = rowLabel(r, spec.rowLabels());
      double rowRadius = radius + r * rowSpacing;
      for (int s = 0; s < spec.seatsPerRow(); s++) {
        double offset = s - (spec.seatsPerRow() - 1) / 2.0;
        double lx;
        double ly;
        if (shape == SeatGenerator.Shape.CURVED) {
          double theta = offset * seatSpacing / rowRadius;
          lx = rowRadius * Math.sin(theta);
          ly = rowRadius * Math.cos(theta) - radius;
        } else {
          lx = offset * seatSpacing;
          ly = r * rowSpacing;
        }
        int number = s + 1;
        seats.add(
            new Layout.SeatSpec(
                label,
                r,
                Integer.toString(number),
                s,
                round(originX + lx * cos - ly * sin),
                round(originY + lx * sin + ly * cos),
                in(spec.accessible(), label, number),
                in(spec.companion(), label, number),
                in(spec.restrictedView(), label, number)));
      }
    }
    return seats;
  }

  /** 0 → A, 25 → Z, 26 → AA, 27 → AB ... (or 1-based numbers). */
  static String rowLabel(int index, SeatGenerator.RowLabels labels) {
    if (labels == SeatGenerator.RowLabels.NUMBERS) {
      return Integer.toString(index + 1);
    }
    var label = new StringBuilder();
    int n = index;
    do {
      label.insert(0, (char) ('A' + n % 26));
      n = n / 26 - 1;
    } while (n >= 0);
    return label.toString();
  }

  private static boolean in(List<SeatGenerator.SeatRange> ranges, String row, int number) {
    return ranges != null && ranges.stream().anyMatch(range -> range.contains(row, number));
  }

  private static double orDefault(Double value, double fallback) {
    return value == null ? fallback : value;
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
