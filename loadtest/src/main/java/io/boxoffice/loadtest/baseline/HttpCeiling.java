package io.boxoffice.loadtest.baseline;

import io.boxoffice.loadtest.http.Api;
import io.boxoffice.loadtest.report.LatencySummary;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * The most requests per second the same server answers on a trivial endpoint, closed loop with
 * {@code connections} clients: no HTTP-fronted path can beat it.
 */
public record HttpCeiling(
    String path,
    int connections,
    double seconds,
    long requests,
    long errors,
    double perSecond,
    LatencySummary latency) {

  public static HttpCeiling measure(Api api, String path, int connections, Duration duration)
      throws InterruptedException {
    hammer(api, path, connections, Duration.ofSeconds(5), new ConcurrentHistogram(3));
    var histogram = new ConcurrentHistogram(3);
    long started = System.nanoTime();
    long errors = hammer(api, path, connections, duration, histogram);
    double seconds = (System.nanoTime() - started) / 1e9;
    return new HttpCeiling(
        path,
        connections,
        seconds,
        histogram.getTotalCount(),
        errors,
        histogram.getTotalCount() / seconds,
        LatencySummary.of(histogram));
  }

  private static long hammer(
      Api api, String path, int connections, Duration duration, ConcurrentHistogram latencies)
      throws InterruptedException {
    long deadline = System.nanoTime() + duration.toNanos();
    var errors = new AtomicLong();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < connections; i++) {
        executor.submit(
            () -> {
              while (System.nanoTime() < deadline) {
                long start = System.nanoTime();
                var response = api.get(path, null);
                latencies.recordValue((System.nanoTime() - start) / 1_000);
                if (!response.ok()) {
                  errors.incrementAndGet();
                }
              }
            });
      }
    }
    return errors.get();
  }
}
