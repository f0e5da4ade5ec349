package io.boxoffice.loadtest.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Line charts as inline SVG: no script, no external resource. */
final class Svg {

  /** One line; {@code y} aligned with the chart's x values, null for a gap. */
  record Series(String name, String color, List<Double> y) {}

  private static final int WIDTH = 900;
  private static final int HEIGHT = 300;
  private static final int LEFT = 70;
  private static final int RIGHT = 20;
  private static final int TOP = 30;
  private static final int BOTTOM = 40;

  private Svg() {}

  static String chart(
      String title, String xLabel, String yLabel, List<Double> x, List<Series> series) {
    double xMax = Math.max(1e-9, x.stream().mapToDouble(Double::doubleValue).max().orElse(1));
    double yMax =
        nice(
            series.stream()
                .flatMap(s -> s.y().stream())
                .filter(v -> v != null)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(1));
    var svg = new StringBuilder();
    svg.append(
        "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' viewBox='0 0 %d %d' font-family='sans-serif' font-size='11'>"
            .formatted(WIDTH, HEIGHT, WIDTH, HEIGHT));
    svg.append(
        "<text x='%d' y='18' font-size='13' font-weight='bold'>%s</text>"
            .formatted(LEFT, escape(title)));
    axes(svg, xMax, yMax, xLabel, yLabel);
    for (var line : series) {
      for (var points : segments(x, line.y(), xMax, yMax)) {
        if (points.contains(" ")) {
          svg.append(
              "<polyline fill='none' stroke='%s' stroke-width='1.5' points='%s'/>"
                  .formatted(line.color(), points));
        } else {
          var xy = points.split(",");
          svg.append(
              "<circle cx='%s' cy='%s' r='2.5' fill='%s'/>".formatted(xy[0], xy[1], line.color()));
        }
      }
    }
    legend(svg, series);
    return svg.append("</svg>").toString();
  }

  private static void axes(
      StringBuilder svg, double xMax, double yMax, String xLabel, String yLabel) {
    int bottom = HEIGHT - BOTTOM;
    svg.append(
        "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='#333'/>"
            .formatted(LEFT, bottom, WIDTH - RIGHT, bottom));
    svg.append(
        "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='#333'/>".formatted(LEFT, TOP, LEFT, bottom));
    for (int i = 0; i <= 5; i++) {
      double value = yMax * i / 5;
      double y = py(value, yMax);
      svg.append(
          "<line x1='%d' y1='%.1f' x2='%d' y2='%.1f' stroke='#ddd'/>"
              .formatted(LEFT, y, WIDTH - RIGHT, y));
      svg.append(
          "<text x='%d' y='%.1f' text-anchor='end'>%s</text>"
              .formatted(LEFT - 6, y + 4, label(value)));
    }
    for (int i = 0; i <= 8; i++) {
      double value = xMax * i / 8;
      svg.append(
          "<text x='%.1f' y='%d' text-anchor='middle'>%s</text>"
              .formatted(px(value, xMax), bottom + 15, label(value)));
    }
    svg.append(
        "<text x='%d' y='%d' text-anchor='middle'>%s</text>"
            .formatted((LEFT + WIDTH - RIGHT) / 2, HEIGHT - 6, escape(xLabel)));
    svg.append(
        "<text x='14' y='%d' text-anchor='middle' transform='rotate(-90 14 %d)'>%s</text>"
            .formatted((TOP + bottom) / 2, (TOP + bottom) / 2, escape(yLabel)));
  }

  private static void legend(StringBuilder svg, List<Series> series) {
    int x = WIDTH - RIGHT - 160;
    for (int i = 0; i < series.size(); i++) {
      int y = TOP + 6 + i * 15;
      svg.append(
          "<rect x='%d' y='%d' width='12' height='3' fill='%s'/>"
              .formatted(x, y, series.get(i).color()));
      svg.append(
          "<text x='%d' y='%d'>%s</text>".formatted(x + 16, y + 5, escape(series.get(i).name())));
    }
  }

  private static List<String> segments(List<Double> x, List<Double> y, double xMax, double yMax) {
    var segments = new ArrayList<String>();
    var current = new StringBuilder();
    for (int i = 0; i < x.size(); i++) {
      if (y.get(i) == null) {
        flush(segments, current);
        continue;
      }
      current.append(
          String.format(Locale.ROOT, "%.1f,%.1f ", px(x.get(i), xMax), py(y.get(i), yMax)));
    }
    flush(segments, current);
    return segments;
  }

  private static void flush(List<String> segments, StringBuilder current) {
    if (!current.isEmpty()) {
      segments.add(current.toString().strip());
      current.setLength(0);
    }
  }

  private static double px(double x, double xMax) {
    return LEFT + x / xMax * (WIDTH - LEFT - RIGHT);
  }

  private static double py(double y, double yMax) {
    return HEIGHT - BOTTOM - y / yMax * (HEIGHT - TOP - BOTTOM);
  }

  /** The smallest of 1, 2, 5 × 10^k at least {@code value}. */
  static double nice(double value) {
    if (value <= 0) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : new double[] {1, 2, 5, 10}) {
      if (step * magnitude >= value) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String label(double value) {
    if (value == Math.rint(value)) {
      return String.format(Locale.ROOT, "%,d", (long) value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("'", "&#39;");
  }
}
