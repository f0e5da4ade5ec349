package io.boxoffice.web.internal;

import io.boxoffice.catalog.EventStatus;
import io.boxoffice.catalog.StockLevels.Stock;
import java.time.Instant;

/**
 * What a buyer is told about an event's sale at a glance, the same on the listing and the event
 * page.
 *
 * @param label the visible text, such as "On sale" or "On sale from 1 Jun 2025"
 * @param css the badge's modifier class: {@code on-sale}, {@code few-left}, {@code sold-out},
 *     {@code upcoming}, {@code ended}, {@code cancelled} or {@code draft}
 */
record StatusBadge(String label, String css) {

  static StatusBadge of(EventStatus status, Stock stock, Instant onSaleAt, Formats formats) {
    return switch (status) {
      case ON_SALE ->
          stock.fewLeft()
              ? new StatusBadge("Few left", "few-left")
              : new StatusBadge("On sale", "on-sale");
      case SOLD_OUT -> new StatusBadge("Sold out", "sold-out");
      case PUBLISHED -> new StatusBadge("On sale from " + formats.date(onSaleAt), "upcoming");
      case ENDED -> new StatusBadge("Sales ended", "ended");
      case CANCELLED -> new StatusBadge("Cancelled", "cancelled");
      case DRAFT -> new StatusBadge("Draft", "draft");
    };
  }
}
