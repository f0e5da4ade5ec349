package io.boxoffice.checkout.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Named points in the purchase where a test can make the process "die": reaching an armed point
 * throws {@link Crash}, an {@link Error} nothing in the saga catches, so nothing after it runs —
 * like {@code kill -9} at that instant. The test then starts a new application on the same database
 * and checks that recovery finishes every order. Unarmed (always, in production) a point costs one
 * set lookup.
 */
public final class CrashPoints {

  public static final String AFTER_ORDER_CREATED = "after-order-created";
  public static final String BEFORE_AUTHORIZE_SENT = "before-authorize-sent";
  public static final String AFTER_AUTHORIZE_SENT = "after-authorize-sent";
  public static final String AFTER_AUTHORIZATION_STORED = "after-authorization-stored";
  public static final String AFTER_CONFIRM_COMMITTED = "after-confirm-committed";
  public static final String BEFORE_CAPTURE_SENT = "before-capture-sent";
  public static final String AFTER_CAPTURE_SENT = "after-capture-sent";
  public static final String AFTER_DECLINE_STORED = "after-decline-stored";
  public static final String AFTER_VOID_SENT = "after-void-sent";
  public static final String AFTER_REFUND_SENT = "after-refund-sent";

  /** The simulated death. */
  public static final class Crash extends Error {
    Crash(String point) {
      super("simulated crash at " + point);
    }
  }

  private static final Set<String> ARMED = ConcurrentHashMap.newKeySet();

  /** Once a point was hit the process is dead: every later point on any thread dies too. */
  private static volatile boolean dead;

  private CrashPoints() {}

  public static void arm(String point) {
    ARMED.add(point);
  }

  /** Disarms every point and brings the "process" back to life (a restart). */
  public static void reset() {
    ARMED.clear();
    dead = false;
  }

  public static boolean crashed() {
    return dead;
  }

  static void reach(String point) {
    if (dead) {
      throw new Crash(point + " (already dead)");
    }
    if (!ARMED.isEmpty() && ARMED.remove(point)) {
      dead = true;
      throw new Crash(point);
    }
  }
}
