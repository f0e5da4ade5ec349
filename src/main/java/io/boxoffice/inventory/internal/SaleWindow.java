package io.boxoffice.inventory.internal;

import io.boxoffice.catalog.Catalog;
import io.boxoffice.catalog.EventId;
import io.boxoffice.catalog.EventStatus;
import io.boxoffice.catalog.SaleTerms;
import io.boxoffice.inventory.HoldRejections.Unprocessable;
import io.boxoffice.shared.NotFound;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Whether an event sells now: the terms every claim is decided under. */
@Component
class SaleWindow {

  private final Catalog catalog;
  private final Clock clock;

  SaleWindow(Catalog catalog, Clock clock) {
    this.catalog = catalog;
    this.clock = clock;
  }

  /** The event's sale terms; 404 for an unknown or draft event, 422 when it does not sell now. */
  SaleTerms require(EventId event) {
    var terms =
        catalog
            .saleTerms(event)
            .filter(t -> t.lifecycle() != EventStatus.Lifecycle.DRAFT)
            .orElseThrow(() -> new NotFound("Event", event));
    if (!terms.sellsAt(clock.instant())) {
      throw new Unprocessable(
          "not-on-sale",
          "Not on sale",
          terms.lifecycle() == EventStatus.Lifecycle.CANCELLED
              ? "This event has been cancelled"
              : "Tickets are on sale from " + terms.onSaleAt() + " until " + terms.offSaleAt());
    }
    return terms;
  }
}
