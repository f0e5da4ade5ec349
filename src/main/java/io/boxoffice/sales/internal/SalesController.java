package io.boxoffice.sales.internal;

import io.boxoffice.admission.QueueFigures;
import io.boxoffice.catalog.Catalog;
import io.boxoffice.catalog.EventId;
import io.boxoffice.checkout.OrderStatus;
import io.boxoffice.checkout.SalesFigures;
import io.boxoffice.identity.CurrentAccount;
import io.boxoffice.inventory.Inventory;
import io.boxoffice.inventory.StockCounts;
import io.boxoffice.shared.Money;
import io.boxoffice.shared.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The organizer's live figures of one of their events. */
@RestController
@Tag(name = "Organizer")
class SalesController {

  private static final Duration SERIES = Duration.ofHours(1);

  private final Catalog catalog;
  private final Inventory inventory;
  private final SalesFigures sales;
  private final QueueFigures queue;
  private final Clock clock;

  SalesController(
      Catalog catalog, Inventory inventory, SalesFigures sales, QueueFigures queue, Clock clock) {
    this.catalog = catalog;
    this.inventory = inventory;
    this.sales = sales;
    this.queue = queue;
    this.clock = clock;
  }

  record Sales(
      UUID eventId,
      Instant at,
      StockCounts stock,
      Money revenue,
      int ticketsSold,
      Map<OrderStatus, Integer> orders,
      Double paymentSuccess,
      List<SalesFigures.Point> ticketsPerMinute,
      QueueFigures.Figures queue) {}

  @GetMapping("/api/v1/events/{eventId}/sales")
  @Operation(
      summary = "Live sales of one of your events",
      description =
          "Seats and places by state, revenue, orders by status, payment success, tickets sold"
              + " per minute over the last hour, and the waiting room (null without one).")
  Sales sales(@PathVariable UUID eventId, Authentication caller) {
    var organizer = CurrentAccount.require(caller);
    var event = new EventId(eventId);
    catalog
        .event(event)
        .filter(e -> e.ownerId().equals(organizer))
        .orElseThrow(() -> new NotFound("Event", eventId));
    var now = clock.instant();
    var figures = sales.of(event, now.minus(SERIES));
    return new Sales(
        eventId,
        now,
        inventory.counts(event),
        figures.revenue(),
        figures.ticketsSold(),
        figures.ordersByStatus(),
        figures.paymentSuccess(),
        figures.ticketsPerMinute(),
        queue.of(event).orElse(null));
  }
}
