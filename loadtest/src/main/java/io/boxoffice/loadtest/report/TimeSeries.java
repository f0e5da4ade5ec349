package io.boxoffice.loadtest.report;

import io.boxoffice.loadtest.history.Operation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One operation's course over the run, in buckets by answer time: completions per second of each
 * kind and the latency percentiles (from the intended send time) of those answered in the bucket,
 * for the charts. By answer rather than send time, so that a burst (everyone sent at once) spreads
 * out too.
 */
public record TimeSeries(String op, double bucketSeconds, List<Bucket> buckets) {

  /** Latencies in ms; null where no operation of that kind was answered in the bucket. */
  public record Bucket(
      double at,
      double successesPerSecond,
      double rejectionsPerSecond,
      double errorsPerSecond,
      Double successP50,
      Double successP99,
      Double rejectionP50,
      Double rejectionP99) {}

  private static final double[] WIDTHS = {0.1, 0.25, 0.5, 1, 2, 5, 10, 30};
  private static final int MAX_BUCKETS = 150;

  public static TimeSeries of(String op, List<Operation> operations, long startMicros) {
    long end = operations.stream().mapToLong(Operation::endMicros).max().orElse(startMicros);
    double span = Math.max(0.1, (end - startMicros) / 1e6);
    double width =
        Arrays.stream(WIDTHS).filter(w -> span / w <= MAX_BUCKETS).findFirst().orElse(60);
    int count = (int) Math.ceil(span / width) + 1;
    var completed = new long[Kind.values().length][count];
    var successLatency = new ArrayList<List<Long>>();
    var rejectionLatency = new ArrayList<List<Long>>();
    for (int i = 0; i < count; i++) {
      successLatency.add(new ArrayList<>());
      rejectionLatency.add(new ArrayList<>());
    }
    for (var operation : operations) {
      var kind = Kind.of(operation);
      int answered = bucket(operation.endMicros(), startMicros, width, count);
      completed[kind.ordinal()][answered]++;
      if (kind == Kind.SUCCESS) {
        successLatency.get(answered).add(operation.latencyMicros());
      } else if (kind == Kind.REJECTION) {
        rejectionLatency.get(answered).add(operation.latencyMicros());
      }
    }
    var buckets = new ArrayList<Bucket>(count);
    for (int i = 0; i < count; i++) {
      buckets.add(
          new Bucket(
              Math.round(i * width * 100) / 100.0,
              completed[Kind.SUCCESS.ordinal()][i] / width,
              completed[Kind.REJECTION.ordinal()][i] / width,
              completed[Kind.ERROR.ordinal()][i] / width,
              percentile(successLatency.get(i), 50),
              percentile(successLatency.get(i), 99),
              percentile(rejectionLatency.get(i), 50),
              percentile(rejectionLatency.get(i), 99)));
    }
    return new TimeSeries(op, width, List.copyOf(buckets));
  }

  private static int bucket(long micros, long startMicros, double width, int count) {
    return (int) Math.clamp((long) ((micros - startMicros) / 1e6 / width), 0, count - 1);
  }

  private static Double percentile(List<Long> micros, double percentile) {
    if (micros.isEmpty()) {
      return null;
    }
    var sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
    int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
    return sorted[Math.clamp(index, 0, sorted.length - 1)] / 1000.0;
  }
}
