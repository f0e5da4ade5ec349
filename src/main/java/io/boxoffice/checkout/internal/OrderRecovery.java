package io.boxoffice.checkout.internal;

import io.boxoffice.catalog.EventCancelled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drives every order to a terminal state, whatever happened to the request that started it. Safe on
 * N instances: each run claims due orders with {@code FOR UPDATE SKIP LOCKED} and pushes their next
 * look by a lease, so no two workers drive the same order at once, and an order whose worker died
 * is picked up again once its lease runs out.
 */
@Component
class OrderRecovery {

  static final int BATCH = 20;

  private static final Logger log = LoggerFactory.getLogger(OrderRecovery.class);

  private final OrderRepository orders;
  private final PurchaseSaga saga;
  private final LateResults lateResults;
  private final CheckoutProperties properties;

  OrderRecovery(
      OrderRepository orders,
      PurchaseSaga saga,
      LateResults lateResults,
      CheckoutProperties properties) {
    this.orders = orders;
    this.saga = saga;
    this.lateResults = lateResults;
    this.properties = properties;
  }

  /**
   * A cancelled event refunds every order: each is marked, and recovery refunds it as soon as it
   * has completed (orders still being paid for are voided at confirmation instead).
   */
  @ApplicationModuleListener
  void on(EventCancelled cancelled) {
    int marked = orders.requestRefunds(cancelled.eventId());
    log.info("event {} cancelled: {} orders to refund", cancelled.eventId(), marked);
  }

  /** Resolves every due order; returns how many it looked at. */
  int recoverDue() {
    int total = 0;
    java.util.List<io.boxoffice.checkout.OrderId> due;
    do {
      due = orders.claimDue(BATCH, properties.lease());
      for (var id : due) {
        try {
          var order = saga.resume(id);
          log.info("recovery drove order {} to {}", id, order.status());
        } catch (RuntimeException e) {
          log.warn("recovery of order {} failed, will retry: {}", id, e.toString());
        }
      }
      total += due.size();
    } while (due.size() == BATCH);
    return total + lateResults.resolve();
  }

  @Component
  @ConditionalOnBooleanProperty(name = "boxoffice.checkout.recovery.enabled", matchIfMissing = true)
  static class Schedule {
    private final OrderRecovery recovery;

    Schedule(OrderRecovery recovery) {
      this.recovery = recovery;
    }

    @Scheduled(fixedDelayString = "${boxoffice.checkout.recovery-interval:2s}")
    void run() {
      recovery.recoverDue();
    }
  }
}
