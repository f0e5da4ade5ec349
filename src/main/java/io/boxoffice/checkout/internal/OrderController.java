package io.boxoffice.checkout.internal;

import io.boxoffice.catalog.Catalog;
import io.boxoffice.catalog.EventId;
import io.boxoffice.checkout.IssuedTickets;
import io.boxoffice.checkout.Order;
import io.boxoffice.checkout.OrderId;
import io.boxoffice.checkout.OrderStatus;
import io.boxoffice.identity.CurrentAccount;
import io.boxoffice.inventory.HoldId;
import io.boxoffice.shared.DomainException;
import io.boxoffice.shared.Money;
import io.boxoffice.shared.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Buying a hold, and reading your orders. */
@RestController
@Tag(name = "Orders", description = "Pay for a hold; the tickets come with the confirmation")
class OrderController {

  record PaymentBody(
      @NotBlank @Pattern(regexp = "card", message = "must be card") String method,
      @NotBlank @Size(max = 255) String token) {}

  @Schema(
      example =
          "{\"holdId\": \"0b7f6c1e-5d6a-4c8e-9d3f-2a1b3c4d5e6f\","
              + " \"payment\": {\"method\": \"card\", \"token\": \"tok_ok\"}}")
  record OrderBody(@NotNull UUID holdId, @NotNull @Valid PaymentBody payment) {}

  record OrderView(
      UUID orderId,
      UUID eventId,
      UUID holdId,
      OrderStatus status,
      Money total,
      int quantity,
      String failureReason,
      List<IssuedTickets.Ticket> tickets,
      Instant createdAt,
      Instant updatedAt) {}

  /** The purchase was refused by the card issuer; the hold is the buyer's again. */
  static final class PaymentDeclined extends DomainException {
    PaymentDeclined(Order order) {
      super(
          402,
          "payment-declined",
          "Payment declined",
          "The payment was declined (" + order.failureReason() + "); your seats are still held",
          Map.of("orderId", order.id().value(), "reason", String.valueOf(order.failureReason())));
    }
  }

  private final PurchaseSaga saga;
  private final OrderRepository orders;
  private final IssuedTickets tickets;
  private final Catalog catalog;

  OrderController(
      PurchaseSaga saga, OrderRepository orders, IssuedTickets tickets, Catalog catalog) {
    this.saga = saga;
    this.orders = orders;
    this.tickets = tickets;
    this.catalog = catalog;
  }

  @PostMapping("/api/v1/orders")
  @Operation(
      summary = "Pay for one of your holds",
      description =
          "201 with the tickets once the seats are confirmed (capture continues in the"
              + " background); 202 while the payment's outcome is not known yet (poll the order);"
              + " 402 when declined (the hold is active again: try another card).")
  ResponseEntity<OrderView> place(@Valid @RequestBody OrderBody body, Authentication caller) {
    var customer = CurrentAccount.require(caller);
    var order = saga.place(customer, new HoldId(body.holdId()), body.payment().token());
    if (order.status() == OrderStatus.DECLINED) {
      throw new PaymentDeclined(order);
    }
    var location = URI.create("/api/v1/orders/" + order.id());
    return order.status().isConfirmed()
        ? ResponseEntity.created(location).body(view(order))
        : ResponseEntity.accepted().location(location).body(view(order));
  }

  @GetMapping("/api/v1/orders/{orderId}")
  @Operation(summary = "One of your orders, with its tickets once confirmed")
  OrderView get(@PathVariable UUID orderId, Authentication caller) {
    var id = new OrderId(orderId);
    return orders
        .find(id)
        .filter(o -> o.customerId().equals(CurrentAccount.require(caller)))
        .map(this::view)
        .orElseThrow(() -> new NotFound("Order", id));
  }

  @GetMapping("/api/v1/me/orders")
  @Operation(summary = "Your orders, newest first")
  List<OrderView> mine(Authentication caller) {
    return orders.ofCustomer(CurrentAccount.require(caller), 100).stream().map(this::view).toList();
  }

  @GetMapping("/api/v1/events/{eventId}/orders")
  @Operation(summary = "Organizer: the latest 200 orders of one of your events, newest first")
  List<OrderView> ofEvent(@PathVariable UUID eventId, Authentication caller) {
    var organizer = CurrentAccount.require(caller);
    var event =
        catalog
            .event(new EventId(eventId))
            .filter(e -> e.ownerId().equals(organizer))
            .orElseThrow(() -> new NotFound("Event", eventId));
    return orders.ofEvent(event.id(), 200).stream().map(this::view).toList();
  }

  @PostMapping("/api/v1/orders/{orderId}/refund")
  @Operation(
      summary = "Organizer: refund a completed order; its tickets are void, seats back on sale")
  OrderView refund(@PathVariable UUID orderId, Authentication caller) {
    var id = new OrderId(orderId);
    var organizer = CurrentAccount.require(caller);
    var order =
        orders
            .find(id)
            .filter(
                o ->
                    catalog
                        .event(o.eventId())
                        .filter(e -> e.ownerId().equals(organizer))
                        .isPresent())
            .orElseThrow(() -> new NotFound("Order", id));
    return view(saga.refund(order.id()));
  }

  @PostMapping("/api/v1/orders/{orderId}/cancel")
  @Operation(
      summary = "Cancel your purchase, where the event allows it: money back, tickets void",
      description =
          "Allowed until the event's customerCancellationHours before its start; 422 otherwise,"
              + " 409 while the payment is still being captured (try again shortly).")
  OrderView cancel(@PathVariable UUID orderId, Authentication caller) {
    var id = new OrderId(orderId);
    var order =
        orders
            .find(id)
            .filter(o -> o.customerId().equals(CurrentAccount.require(caller)))
            .orElseThrow(() -> new NotFound("Order", id));
    var event = catalog.event(order.eventId()).orElseThrow();
    var hours = event.customerCancellationHours();
    if (hours == null
        || !java.time.Instant.now()
            .isBefore(event.startsAt().minus(java.time.Duration.ofHours(hours)))) {
      throw new io.boxoffice.inventory.HoldRejections.Unprocessable(
          "cancellation-not-allowed",
          "Cancellation not allowed",
          hours == null
              ? "This event does not allow customers to cancel"
              : "Cancellation closed " + hours + " hours before the start");
    }
    if (order.status() != OrderStatus.COMPLETED) {
      throw new io.boxoffice.shared.Conflict(
          "order-not-completed",
          "Order not completed",
          "Order " + id + " is " + order.status() + "; only a completed purchase can be cancelled");
    }
    return view(saga.refund(order.id()));
  }

  private OrderView view(Order order) {
    return new OrderView(
        order.id().value(),
        order.eventId().value(),
        order.holdId().value(),
        order.status(),
        order.total(),
        order.quantity(),
        order.failureReason(),
        order.status().isConfirmed() || order.status() == OrderStatus.REFUNDED
            ? tickets.of(order.id())
            : List.of(),
        order.createdAt(),
        order.updatedAt());
  }
}
