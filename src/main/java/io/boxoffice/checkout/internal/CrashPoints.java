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
  public static final String AFTER_DECLINE_SENT = "after-decline-stored";
  public static final String AFTER_VOID_SENT = "after-void-sent";
  public static final String AFTER_REFUND_SENT = "after-refund-sent";

  /** The simulated death. */
  public static final class Crash extends Error {
    Crash(String point) {
      super("simulated crash at " + point);
    }
  }

  private static final Set<String> ARMED = ConcurrentHashMap.newKeySet();

  private CrashPoints() {}

  public static void arm(String point) {
    ARMED.add(point);
  }

  public static void disarmAll() {
    ARMED.clear();
  }

  static void reach(String point) {
    if (!ARMED.isEmpty() && ARMED.remove(point)) {
      throw new Crash(point);
    }
  }
}
