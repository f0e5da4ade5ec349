package io.boxoffice.loadtest.history;

import java.time.Instant;

/**
 * Monotonic time for measuring, wall-clock time for the record: converts {@link System#nanoTime()}
 * readings to epoch microseconds, which the checker compares with the database's timestamps (same
 * machine, same clock).
 */
public final class RunClock {

  private final long originNanos;
  private final long originEpochMicros;

  public RunClock() {
    var now = Instant.now();
    this.originNanos = System.nanoTime();
    this.originEpochMicros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
  }

  public long nanos() {
    return System.nanoTime();
  }

  public long epochMicros(long nanos) {
    return originEpochMicros + (nanos - originNanos) / 1_000;
  }

  public long nowMicros() {
    return epochMicros(System.nanoTime());
  }
}
