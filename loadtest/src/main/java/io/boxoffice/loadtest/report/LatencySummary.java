package io.boxoffice.loadtest.report;

import java.util.function.ToLongFunction;
import org.HdrHistogram.Histogram;

/** Percentiles in milliseconds from an HdrHistogram of microsecond values. */
public record LatencySummary(
    long count, double p50, double p90, double p99, double p999, double max, double mean) {

  private static final long HIGHEST_MICROS = 3_600_000_000L;

  public static <T> LatencySummary of(Iterable<T> items, ToLongFunction<T> micros) {
    var histogram = new Histogram(HIGHEST_MICROS, 3);
    for (var item : items) {
      histogram.recordValue(Math.clamp(micros.applyAsLong(item), 0, HIGHEST_MICROS));
    }
    return of(histogram);
  }

  public static LatencySummary of(Histogram histogram) {
    if (histogram.getTotalCount() == 0) {
      return new LatencySummary(0, 0, 0, 0, 0, 0, 0);
    }
    return new LatencySummary(
        histogram.getTotalCount(),
        ms(histogram.getValueAtPercentile(50)),
        ms(histogram.getValueAtPercentile(90)),
        ms(histogram.getValueAtPercentile(99)),
        ms(histogram.getValueAtPercentile(99.9)),
        ms(histogram.getMaxValue()),
        Math.round(histogram.getMean()) / 1000.0);
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }
}
