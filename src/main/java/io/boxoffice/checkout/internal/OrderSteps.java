package io.boxoffice.checkout.internal;

import io.boxoffice.checkout.Order;
import io.boxoffice.checkout.OrderCancelled;
import io.boxoffice.checkout.OrderConfirmed;
import io.boxoffice.checkout.OrderId;
import io.boxoffice.checkout.OrderStatus;
import io.boxoffice.checkout.internal.PaymentOperations.Operation;
import io.boxoffice.checkout.internal.payment.PaymentResult;
import io.boxoffice.identity.AccountId;
import io.boxoffice.inventory.Hold;
import io.boxoffice.inventory.HoldId;
import io.boxoffice.inventory.HoldStatus;
import io.boxoffice.inventory.Inventory;
import io.boxoffice.shared.Conflict;
import java.time.Duration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The saga's local steps, each one short database transaction that records what happened and moves
 * the order on. Nothing here talks to the payment provider: {@link PurchaseSaga} calls it between
 * these steps.
 */
@Component
class OrderSteps {

  private final OrderRepository orders;
  private final PaymentOperations payments;
  private final Inventory inventory;
  private final ApplicationEventPublisher publisher;
  private final CheckoutProperties properties;

  OrderSteps(
      OrderRepository orders,
      PaymentOperations payments,
      Inventory inventory,
      ApplicationEventPublisher publisher,
      CheckoutProperties properties) {
    this.orders = orders;
    this.payments = payments;
    this.inventory = inventory;
    this.publisher = publisher;
    this.properties = properties;
  }

  /**
   * The hold stops expiring, the order exists, and the authorization is recorded before it is sent.
   */
  @Transactional
  Order begin(AccountId customer, HoldId holdId, String token, String provider) {
    var hold = inventory.startCheckout(holdId, customer, properties.paymentWindow());
    var order =
        new Order(
            OrderId.random(),
            customer,
            hold.eventId(),
            holdId,
            OrderStatus.AUTHORIZING,
            hold.total(),
            hold.quantity(),
            provider,
            orders.nextAttempt(holdId),
            null,
            null,
            0,
            null,
            null);
    orders.insert(order, token, properties.lease());
    payments.sending(order.id(), Operation.AUTHORIZE, order.attempt());
    return orders.find(order.id()).orElseThrow();
  }

  @Transactional
  void authorized(Order order, String key, PaymentResult result) {
    payments.completed(key, result);
    orders.setProviderRef(order.id(), result.providerRef());
    move(order, OrderStatus.AUTHORIZING, OrderStatus.AUTHORIZED);
  }

  /** Declined: the hold is the customer's again (its original expiry still applies). */
  @Transactional
  void declined(Order order, String key, PaymentResult result) {
    payments.completed(key, result);
    orders.setFailure(order.id(), result.reason());
    move(order, OrderStatus.AUTHORIZING, OrderStatus.DECLINED);
    inventory.returnToActive(order.holdId());
  }

  /** No answer: the order waits for recovery to ask the provider. */
  @Transactional
  void unanswered(String key, PaymentResult result) {
    payments.completed(key, result);
  }

  /**
   * The pivot: the hold's seats become SOLD and the order CONFIRMED in one transaction, and {@link
   * OrderConfirmed} is published in it (ticketing issues the tickets here; capture follows after
   * commit). Throws if the seats cannot be confirmed, and then nothing changed.
   */
  @Transactional
  void confirm(Order order) {
    var hold = inventory.confirm(order.holdId());
    move(order, OrderStatus.AUTHORIZED, OrderStatus.CONFIRMED);
    publisher.publishEvent(
        new OrderConfirmed(
            order.id(),
            order.eventId(),
            order.customerId(),
            hold.items().stream()
                .map(
                    i ->
                        new OrderConfirmed.Line(
                            i.seatId(), i.sectionId(), i.tierId(), i.quantity()))
                .toList()));
  }

  /**
   * {@link #authorized} and {@link #confirm} in one transaction. Throws if the seats cannot be
   * confirmed, and then nothing changed, not even the authorization.
   */
  @Transactional
  void authorizedAndConfirmed(Order order, String key, PaymentResult result) {
    authorized(order, key, result);
    confirm(order);
  }

  boolean paymentWindowClosed(Order order) {
    return inventory
        .find(order.holdId())
        .map(h -> h.checkoutUntil() == null || h.checkoutUntil().isBefore(java.time.Instant.now()))
        .orElse(true);
  }

  /**
   * A late approval: the same seats are held again for the customer (if still free) and the order
   * continues from AUTHORIZED on the new hold. Throws, changing nothing, if they are not free.
   */
  @Transactional
  void lateApproval(Order order, String key, PaymentResult result) {
    var previous = inventory.find(order.holdId()).orElseThrow();
    var seats = previous.items().stream().map(Hold.Item::seatId).toList();
    io.boxoffice.inventory.HoldRequest request =
        seats.contains(null)
            ? new io.boxoffice.inventory.HoldRequest.GeneralAdmission(
                previous.items().getFirst().sectionId(), previous.quantity())
            : new io.boxoffice.inventory.HoldRequest.Seats(seats);
    var hold = inventory.hold(order.customerId(), order.eventId(), request);
    inventory.startCheckout(hold.id(), order.customerId(), properties.paymentWindow());
    payments.completed(key, result);
    orders.rehold(order.id(), hold.id());
    orders.setProviderRef(order.id(), result.providerRef());
    orders.setFailure(order.id(), null);
    move(order, OrderStatus.DECLINED, OrderStatus.AUTHORIZED);
  }

  @Transactional
  void unconfirmable(Order order, String reason) {
    orders.setFailure(order.id(), reason);
    move(order, OrderStatus.AUTHORIZED, OrderStatus.VOIDING);
  }

  @Transactional
  void captured(Order order, String key, PaymentResult result) {
    payments.completed(key, result);
    var current = orders.find(order.id()).orElseThrow().status();
    move(order, current, OrderStatus.COMPLETED);
  }

  /** Returns how many captures have failed so far. */
  @Transactional
  int captureFailed(Order order, String key, PaymentResult result, Duration backoff) {
    payments.completed(key, result);
    orders.transition(order.id(), OrderStatus.CONFIRMED, OrderStatus.CAPTURING, properties.lease());
    orders.setFailure(order.id(), result.reason());
    return orders.captureFailed(order.id(), backoff);
  }

  /** Capture failed for good: the tickets are void and the seats back on sale, in one step. */
  @Transactional
  void compensate(Order order, String reason) {
    var current = orders.find(order.id()).orElseThrow().status();
    move(order, current, OrderStatus.COMPENSATING);
    orders.setFailure(order.id(), reason);
    inventory.refund(order.holdId());
    publisher.publishEvent(
        new OrderCancelled(order.id(), order.eventId(), order.customerId(), reason));
  }

  /** The authorization is void: the order ends; a hold still being paid for is given back. */
  @Transactional
  void cancelled(Order order, String key, PaymentResult result) {
    payments.completed(key, result);
    var current = orders.find(order.id()).orElseThrow().status();
    move(order, current, OrderStatus.CANCELLED);
    inventory
        .find(order.holdId())
        .filter(h -> h.status() == HoldStatus.CHECKING_OUT)
        .map(Hold::id)
        .ifPresent(inventory::abandonCheckout);
  }

  @Transactional
  void refunding(Order order) {
    move(order, OrderStatus.COMPLETED, OrderStatus.REFUNDING);
  }

  @Transactional
  void refunded(Order order, String key, PaymentResult result) {
    payments.completed(key, result);
    move(order, OrderStatus.REFUNDING, OrderStatus.REFUNDED);
    inventory.refund(order.holdId());
    publisher.publishEvent(
        new OrderCancelled(order.id(), order.eventId(), order.customerId(), "refunded"));
  }

  @Transactional
  String recordCall(Order order, Operation operation, int attempt) {
    return payments.sending(order.id(), operation, attempt);
  }

  @Transactional
  void failedCall(String key, PaymentResult result) {
    payments.completed(key, result);
  }

  private void move(Order order, OrderStatus from, OrderStatus to) {
    if (!orders.transition(order.id(), from, to, properties.lease())) {
      var actual = orders.find(order.id()).map(Order::status).orElse(from);
      throw new Conflict(
          "illegal-transition",
          "Illegal transition",
          "Order " + order.id() + " is " + actual + " and cannot become " + to);
    }
  }
}
