package io.boxoffice.web.internal;

import io.boxoffice.catalog.EventId;
import io.boxoffice.catalog.EventPage;
import io.boxoffice.catalog.EventSummary;
import io.boxoffice.catalog.StockLevels.Stock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The home page: the search form as submitted and one card per upcoming event.
 *
 * @param q the text searched for, or null
 * @param city the city filtered on, or null
 * @param totalEvents matches in all, which may exceed the cards shown
 */
record HomeView(
    String q,
    String city,
    java.time.LocalDate from,
    java.time.LocalDate to,
    List<Card> events,
    long totalEvents) {

  /**
   * One event as the listing shows it; every field is display text.
   *
   * @param price "from €29.00" for a range, "€29.00" for a single price, null when unpriced
   */
  record Card(
      String id,
      String title,
      String performer,
      String venue,
      String city,
      String startsAt,
      String price,
      StatusBadge status) {}

  static HomeView of(
      String q,
      String city,
      java.time.LocalDate from,
      java.time.LocalDate to,
      EventPage page,
      Map<EventId, Stock> stock,
      Instant now,
      Formats formats) {
    var cards =
        page.items().stream()
            .map(e -> card(e, stock.getOrDefault(e.id(), Stock.NONE), now, formats))
            .toList();
    return new HomeView(q, city, from, to, cards, page.totalItems());
  }

  private static Card card(EventSummary event, Stock stock, Instant now, Formats formats) {
    return new Card(
        event.id().toString(),
        event.title(),
        event.performer(),
        event.venue().name(),
        event.venue().city(),
        formats.dateTime(event.startsAt()),
        price(event, formats),
        StatusBadge.of(event.status(now, stock.soldOut()), stock, event.onSaleAt(), formats));
  }

  private static String price(EventSummary event, Formats formats) {
    if (event.minPrice() == null) {
      return null;
    }
    var min = formats.money(event.minPrice());
    return event.minPrice().equals(event.maxPrice()) ? min : "from " + min;
  }
}
