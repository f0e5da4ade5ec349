package io.boxoffice.loadtest.drive;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N users released together: one virtual thread each, parked at a gate until every one exists, then
 * let go at the same instant. At most {@code connections} talk to the server at once (the others
 * wait their turn, and that wait counts in their latency, which is measured from the release).
 */
public final class Burst {

  /** One user's part; {@code releaseNanos} is the intended send time of every user. */
  public interface User {
    void run(int index, long releaseNanos) throws Exception;
  }

  private Burst() {}

  /** Runs the burst and returns the release instant ({@link System#nanoTime()}). */
  public static long run(int users, int connections, User user) throws InterruptedException {
    var gate = new CountDownLatch(1);
    var ready = new CountDownLatch(users);
    var slots = new Semaphore(connections, true);
    var release = new AtomicLong();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < users; i++) {
        int index = i;
        executor.submit(
            () -> {
              ready.countDown();
              gate.await();
              slots.acquire();
              try {
                user.run(index, release.get());
              } finally {
                slots.release();
              }
              return null;
            });
      }
      ready.await();
      release.set(System.nanoTime());
      gate.countDown();
    }
    return release.get();
  }
}
