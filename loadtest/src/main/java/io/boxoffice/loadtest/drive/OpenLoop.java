package io.boxoffice.loadtest.drive;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop arrivals: requests start on a fixed schedule whether or not earlier ones have been
 * answered, so a slow server cannot slow the load down (no coordinated omission). Each arrival
 * waits at most {@code maxQueue} past its intended time for one of {@code connections}; if none
 * frees up it is dropped as not sent. Returns when every arrival has finished.
 */
public final class OpenLoop {

  /** One arrival; {@code intendedNanos} is its scheduled send time. */
  public interface Arrival {
    void run(long sequence, long intendedNanos) throws Exception;
  }

  /** Called instead of {@link Arrival#run} for an arrival that found no free connection. */
  public interface Dropped {
    void dropped(long sequence, long intendedNanos);
  }

  private final int connections;
  private final Duration maxQueue;

  public OpenLoop(int connections, Duration maxQueue) {
    this.connections = connections;
    this.maxQueue = maxQueue;
  }

  /** {@code perSecond} arrivals a second for {@code duration}, numbered from {@code first}. */
  public long run(double perSecond, Duration duration, long first, Arrival arrival, Dropped dropped)
      throws InterruptedException {
    var slots = new Semaphore(connections, true);
    long count = Math.max(1, Math.round(perSecond * duration.toNanos() / 1e9));
    double interval = 1e9 / perSecond;
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (long k = 0; k < count; k++) {
        long intended = start + Math.round(k * interval);
        long wait;
        while ((wait = intended - System.nanoTime()) > 20_000) {
          LockSupport.parkNanos(wait);
        }
        long sequence = first + k;
        executor.submit(
            () -> {
              long patience = intended + maxQueue.toNanos() - System.nanoTime();
              if (!slots.tryAcquire(Math.max(0, patience), TimeUnit.NANOSECONDS)) {
                dropped.dropped(sequence, intended);
                return null;
              }
              try {
                arrival.run(sequence, intended);
              } finally {
                slots.release();
              }
              return null;
            });
      }
    }
    return count;
  }
}
