package io.boxoffice.checkout.internal;

import io.boxoffice.checkout.Order;
import io.boxoffice.checkout.internal.PaymentOperations.Operation;
import io.boxoffice.checkout.internal.payment.PaymentGateway;
import io.boxoffice.shared.DomainException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Payment results that arrive after their hold was given up. When the provider never answered an
 * authorization before the payment window closed, the order was declined and the seats went back.
 * For a day afterwards this asks the provider again; if the authorization did succeed, the same
 * seats are sold to the customer if they are still free, otherwise the authorization is voided —
 * either way no money is left without tickets. Driven by the recovery worker, so safe on N
 * instances only through the conditional transitions it makes (a second worker's attempt fails and
 * is logged).
 */
@Component
class LateResults {

  static final String WINDOW_CLOSED = "payment_window_closed";
  static final String VOIDED = "late_authorization_voided";

  private static final Logger log = LoggerFactory.getLogger(LateResults.class);

  private final OrderRepository orders;
  private final OrderSteps steps;
  private final PaymentGateway gateway;
  private final PurchaseSaga saga;

  LateResults(OrderRepository orders, OrderSteps steps, PaymentGateway gateway, PurchaseSaga saga) {
    this.orders = orders;
    this.steps = steps;
    this.gateway = gateway;
    this.saga = saga;
  }

  /** Returns how many late results it resolved. */
  int resolve() {
    int resolved = 0;
    for (var order : orders.givenUp(WINDOW_CLOSED, Duration.ofDays(1))) {
      var key = PaymentOperations.key(order.id(), Operation.AUTHORIZE, order.attempt());
      var late = gateway.lookup(key);
      if (late.isEmpty()) {
        continue;
      }
      resolved++;
      if (!late.get().succeeded()) {
        steps.unanswered(key, late.get());
        orders.setFailure(order.id(), late.get().reason());
        continue;
      }
      sellOrVoid(order, key, late.get());
    }
    return resolved;
  }

  private void sellOrVoid(
      Order order, String key, io.boxoffice.checkout.internal.payment.PaymentResult result) {
    try {
      steps.lateApproval(order, key, result);
      log.info("late approval of order {}: seats held again, continuing", order.id());
      saga.resume(order.id());
    } catch (DomainException seatsGone) {
      var voidKey = steps.recordCall(order, Operation.VOID, 1);
      var voided = gateway.voidAuthorization(voidKey, result.providerRef());
      steps.failedCall(voidKey, voided);
      steps.unanswered(key, result);
      orders.setFailure(order.id(), voided.succeeded() ? VOIDED : WINDOW_CLOSED);
      log.info("late approval of order {}: seats gone, authorization voided", order.id());
    }
  }
}
