package io.boxoffice.loadtest.report;

/** Formats a measured figure against a limit of the same run. */
public final class Ratio {

  private Ratio() {}

  public static String of(double measured, double limit) {
    if (limit <= 0) {
      return "n/a";
    }
    return "%.3f (%s / %s)".formatted(measured / limit, number(measured), number(limit));
  }

  static String number(double value) {
    return Math.abs(value) >= 100 ? "%,.0f".formatted(value) : "%.2f".formatted(value);
  }
}
