package io.boxoffice.loadtest.report;

/**
 * CPU seconds spent during the measured part of a run, per process group.
 *
 * @param app null when the application's CPU time could not be read
 */
public record CpuUsage(double wallSeconds, Double app, double postgres, double harness) {

  /** CPU seconds per one of {@code count} (holds, requests): steadier than rates. */
  public Per per(long count) {
    if (count == 0) {
      return null;
    }
    return new Per(app == null ? null : app / count, postgres / count, harness / count);
  }

  /** CPU seconds per unit, by process group. */
  public record Per(Double app, double postgres, double harness) {}
}
