package io.boxoffice.messaging.internal;

import io.boxoffice.catalog.EventCancelled;
import io.boxoffice.catalog.EventPublished;
import io.boxoffice.checkout.OrderCancelled;
import io.boxoffice.checkout.OrderConfirmed;
import io.boxoffice.inventory.HoldExpired;
import io.boxoffice.ticketing.TicketsIssued;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public form of a domain event on the broker: its routing key (also its type), its id — the
 * same for every delivery of the same fact, so consumers de-duplicate by it — and a flat JSON body.
 * This mapping is the contract with consumers, kept apart from the internal event records so that
 * those can change without breaking anyone (docs/messaging.md).
 */
record BrokerMessage(String routingKey, String id, Map<String, Object> body) {

  private static BrokerMessage of(String type, Object subject, Map<String, Object> data) {
    var id = type + ":" + subject;
    var body = new LinkedHashMap<String, Object>();
    body.put("id", id);
    body.put("type", type);
    body.putAll(data);
    return new BrokerMessage(type, id, body);
  }

  static BrokerMessage of(OrderConfirmed e) {
    List<Map<String, Object>> lines =
        e.lines().stream()
            .map(
                line -> {
                  var m = new LinkedHashMap<String, Object>();
                  m.put("seatId", line.seatId());
                  m.put("sectionId", line.sectionId());
                  m.put("tierId", line.tierId());
                  m.put("quantity", line.quantity());
                  return (Map<String, Object>) m;
                })
            .toList();
    return of(
        "order.confirmed",
        e.orderId(),
        Map.of(
            "orderId", e.orderId().value(),
            "eventId", e.eventId().value(),
            "customerId", e.customerId().value(),
            "lines", lines));
  }

  static BrokerMessage of(OrderCancelled e) {
    return of(
        "order.cancelled",
        e.orderId(),
        Map.of(
            "orderId", e.orderId().value(),
            "eventId", e.eventId().value(),
            "customerId", e.customerId().value(),
            "reason", e.reason()));
  }

  static BrokerMessage of(TicketsIssued e) {
    return of(
        "tickets.issued",
        e.orderId(),
        Map.of(
            "orderId", e.orderId().value(),
            "eventId", e.eventId().value(),
            "holderId", e.holderId().value(),
            "ticketIds", e.ticketIds()));
  }

  static BrokerMessage of(HoldExpired e) {
    return of(
        "hold.expired",
        e.holdId(),
        Map.of(
            "holdId", e.holdId().value(),
            "eventId", e.eventId().value(),
            "quantity", e.quantity()));
  }

  static BrokerMessage of(EventPublished e) {
    return of("event.published", e.eventId(), Map.of("eventId", e.eventId().value()));
  }

  static BrokerMessage of(EventCancelled e) {
    return of("event.cancelled", e.eventId(), Map.of("eventId", e.eventId().value()));
  }
}
