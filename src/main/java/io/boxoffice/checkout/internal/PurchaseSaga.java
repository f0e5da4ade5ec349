package io.boxoffice.checkout.internal;

import static io.boxoffice.checkout.internal.CrashPoints.reach;

import io.boxoffice.checkout.Order;
import io.boxoffice.checkout.OrderId;
import io.boxoffice.checkout.OrderStatus;
import io.boxoffice.checkout.internal.PaymentOperations.Operation;
import io.boxoffice.checkout.internal.payment.PaymentGateway;
import io.boxoffice.checkout.internal.payment.PaymentResult;
import io.boxoffice.checkout.internal.payment.PaymentResult.Outcome;
import io.boxoffice.identity.AccountId;
import io.boxoffice.inventory.HoldId;
import io.boxoffice.shared.DomainException;
import io.boxoffice.shared.jdbc.AfterTransaction;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The purchase, top to bottom (ARCHITECTURE §5):
 *
 * <ol>
 *   <li><b>begin</b> — the hold goes CHECKING_OUT, the order AUTHORIZING; the authorization is
 *       recorded (with its idempotency key) before it is sent.
 *   <li><b>authorize</b> — outside any transaction. Declined → DECLINED, the hold is ACTIVE again.
 *       No answer → the order waits for recovery, which asks the provider about the key.
 *   <li><b>confirm</b> (the pivot) — seats SOLD, tickets issued, order CONFIRMED, in one
 *       transaction; the buyer has the answer now. Impossible → VOIDING → void → CANCELLED.
 *   <li><b>capture</b> — right after the answer, on a thread of its own; recovery retries it with
 *       backoff (and takes it over after a crash). Failing for good → COMPENSATING: tickets void,
 *       seats back, authorization void → CANCELLED.
 * </ol>
 *
 * Every step resumes from the persisted state, so {@link #resume} (used by recovery after a crash
 * anywhere) and the live request run the same code.
 */
@Component
class PurchaseSaga {

  private static final Logger log = LoggerFactory.getLogger(PurchaseSaga.class);

  private final OrderSteps steps;
  private final OrderRepository orders;
  private final PaymentGateway gateway;
  private final CheckoutProperties properties;
  private final CheckoutMetrics metrics;
  private final ExecutorService captures = Executors.newVirtualThreadPerTaskExecutor();

  PurchaseSaga(
      OrderSteps steps,
      OrderRepository orders,
      PaymentGateway gateway,
      CheckoutProperties properties,
      CheckoutMetrics metrics) {
    this.steps = steps;
    this.orders = orders;
    this.gateway = gateway;
    this.properties = properties;
    this.metrics = metrics;
  }

  /**
   * The buyer's request: runs until the seats are confirmed (or the purchase ended, or stalled).
   */
  Order place(AccountId customer, HoldId hold, String paymentToken) {
    var order = steps.begin(customer, hold, paymentToken, gateway.name());
    reach(CrashPoints.AFTER_ORDER_CREATED);
    var placed = advance(order, false, false);
    if (placed.status() == OrderStatus.CONFIRMED) {
      captureSoon(placed.id());
    }
    return placed;
  }

  /**
   * Step 4 starts as soon as the buyer has the answer, on a thread of its own. Not through the
   * event publication registry: recovery drives every confirmed order whose lease has run out
   * (after a crash here, or a capture that failed), so a stored publication per order (an insert
   * and two more commits) only did the same again.
   */
  private void captureSoon(OrderId id) {
    AfterTransaction.commit(
        () -> {
          try {
            captures.execute(() -> captureNow(id));
          } catch (RejectedExecutionException e) {
            log.info("shutting down: recovery captures order {}", id);
          }
        });
  }

  private void captureNow(OrderId id) {
    try {
      advance(orders.find(id).orElseThrow(), false, true);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      // the end of this thread (a simulated crash included): recovery retries the capture
      log.warn("capture of order {} failed, recovery retries it: {}", id, e.toString());
    }
  }

  @PreDestroy
  void stopCapturing() throws InterruptedException {
    captures.shutdown();
    captures.awaitTermination(5, TimeUnit.SECONDS);
  }

  /** Recovery: drive the order as far as it can go now. */
  Order resume(OrderId id) {
    return advance(orders.find(id).orElseThrow(), true, true);
  }

  /** Moves the order on step by step, reading it again after each step that may have moved it. */
  private Order advance(Order current, boolean recovering, boolean pastConfirmation) {
    var id = current.id();
    var order = current;
    for (int step = 0; step < 10; step++) {
      if (waiting(order.status(), recovering, pastConfirmation)) {
        return order;
      }
      var next =
          switch (order.status()) {
            case AUTHORIZING -> authorize(order, recovering);
            case AUTHORIZED -> confirm(order);
            case VOIDING -> voidAuthorization(order);
            case CONFIRMED, CAPTURING -> capture(order);
            case COMPENSATING -> voidAuthorization(order);
            case REFUNDING -> refundMoney(order);
            case COMPLETED -> orders.refundRequested(id) && startRefund(order);
            case DECLINED, CANCELLED, REFUNDED -> false;
          };
      order = orders.find(id).orElseThrow();
      if (!next) {
        return order;
      }
    }
    return order;
  }

  /**
   * Whether there is nothing for this caller to do in this state (the order is not touched): only
   * capture and recovery go past the confirmation, only recovery starts requested refunds.
   */
  private static boolean waiting(OrderStatus status, boolean recovering, boolean pastConfirmation) {
    return switch (status) {
      case DECLINED, CANCELLED, REFUNDED -> true;
      case CONFIRMED, CAPTURING -> !pastConfirmation;
      case COMPLETED -> !recovering;
      default -> false;
    };
  }

  /** Step 2. Returns whether the order moved on. */
  private boolean authorize(Order order, boolean recovering) {
    var key = PaymentOperations.key(order.id(), Operation.AUTHORIZE, order.attempt());
    reach(CrashPoints.BEFORE_AUTHORIZE_SENT);
    // Recovery first asks what became of the call; only a call the provider never saw is re-sent
    // (with the same key, so even that cannot authorize twice).
    var known = recovering ? gateway.lookup(key) : java.util.Optional.<PaymentResult>empty();
    if (known.isEmpty() && recovering && steps.paymentWindowClosed(order)) {
      // The provider never answered and the seats cannot wait any longer: give them back. Should
      // the authorization surface later, LateResults resolves it.
      steps.declined(order, key, PaymentResult.unknown(LateResults.WINDOW_CLOSED));
      return false;
    }
    var result =
        known.orElseGet(
            () ->
                metrics.step(
                    "authorize",
                    () ->
                        gateway.authorize(
                            key,
                            order.total(),
                            orders.paymentToken(order.id()),
                            order.id().toString())));
    reach(CrashPoints.AFTER_AUTHORIZE_SENT);
    metrics.payment("authorize", result);
    switch (result.outcome()) {
      case SUCCEEDED -> {
        if (confirmWithAuthorization(order, key, result)) {
          reach(CrashPoints.AFTER_AUTHORIZATION_STORED);
          reach(CrashPoints.AFTER_CONFIRM_COMMITTED);
          return true;
        }
        steps.authorized(order, key, result);
      }
      case DECLINED, FAILED -> {
        steps.declined(order, key, result);
        reach(CrashPoints.AFTER_DECLINE_STORED);
      }
      case UNKNOWN -> {
        steps.unanswered(key, result);
        return false;
      }
    }
    reach(CrashPoints.AFTER_AUTHORIZATION_STORED);
    return true;
  }

  /**
   * Steps 2 and 3 in one transaction, the usual way (one commit fewer per purchase). Returns false,
   * having changed nothing, if the order cannot be confirmed now (its event was cancelled, its
   * seats are gone, the transaction failed): the authorization is then stored alone and {@link
   * #confirm} takes the long way, so an approval is never left for recovery to find again.
   */
  private boolean confirmWithAuthorization(Order order, String key, PaymentResult result) {
    if (orders.refundRequested(order.id())) {
      return false;
    }
    try {
      metrics.step(
          "confirm",
          () -> {
            steps.authorizedAndConfirmed(order, key, result);
            return Boolean.TRUE;
          });
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Step 3, the pivot. A cancelled event sells nothing more: its authorizations are voided. */
  private boolean confirm(Order order) {
    if (orders.refundRequested(order.id())) {
      steps.unconfirmable(order, "event_cancelled");
      return true;
    }
    try {
      metrics.step(
          "confirm",
          () -> {
            steps.confirm(order);
            return Boolean.TRUE;
          });
    } catch (DomainException e) {
      log.info("order {} cannot be confirmed ({}); voiding", order.id(), e.getMessage());
      steps.unconfirmable(order, "seats_unavailable");
    }
    reach(CrashPoints.AFTER_CONFIRM_COMMITTED);
    return true;
  }

  /** Step 4: one capture try; failures are retried with backoff by recovery, then compensated. */
  private boolean capture(Order order) {
    var key = steps.recordCall(order, Operation.CAPTURE, 1);
    reach(CrashPoints.BEFORE_CAPTURE_SENT);
    var result =
        metrics.step("capture", () -> gateway.capture(key, order.providerRef(), order.total()));
    reach(CrashPoints.AFTER_CAPTURE_SENT);
    metrics.payment("capture", result);
    if (result.succeeded()) {
      steps.captured(order, key, result);
      return false;
    }
    if (result.outcome() == Outcome.DECLINED) {
      steps.failedCall(key, result);
      steps.compensate(order, "capture_declined");
      return true;
    }
    var backoff =
        properties.captureBackoff().multipliedBy(1L << Math.min(order.captureAttempts(), 10));
    int failures = steps.captureFailed(order, key, result, backoff);
    if (failures >= properties.captureAttempts()) {
      steps.compensate(order, "capture_failed");
      return true;
    }
    return false;
  }

  /** Compensation: the authorization is released (never capture-then-refund). */
  private boolean voidAuthorization(Order order) {
    if (order.providerRef() == null) {
      steps.cancelled(
          order, steps.recordCall(order, Operation.VOID, 1), PaymentResult.succeeded(null));
      return false;
    }
    var key = steps.recordCall(order, Operation.VOID, 1);
    var result = metrics.step("void", () -> gateway.voidAuthorization(key, order.providerRef()));
    reach(CrashPoints.AFTER_VOID_SENT);
    metrics.payment("void", result);
    // "already void" is success; a void that cannot be sent now is retried by recovery
    if (result.succeeded() || result.outcome() == Outcome.DECLINED) {
      steps.cancelled(order, key, result);
    } else {
      steps.failedCall(key, result);
    }
    return false;
  }

  /** Organizer refund, after {@link OrderSteps#refunding}. */
  private boolean refundMoney(Order order) {
    var key = steps.recordCall(order, Operation.REFUND, 1);
    var result =
        metrics.step("refund", () -> gateway.refund(key, order.providerRef(), order.total()));
    reach(CrashPoints.AFTER_REFUND_SENT);
    metrics.payment("refund", result);
    if (result.succeeded()) {
      steps.refunded(order, key, result);
    } else {
      steps.failedCall(key, result);
    }
    return false;
  }

  /** Starts a refund of a completed order and drives it. */
  Order refund(OrderId id) {
    startRefund(orders.find(id).orElseThrow());
    return advance(orders.find(id).orElseThrow(), false, true);
  }

  private boolean startRefund(Order order) {
    steps.refunding(order);
    return true;
  }
}
