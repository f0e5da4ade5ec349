package io.boxoffice.catalog;

import java.util.Collection;
import java.util.Map;

/**
 * How much of each event is left, provided by the inventory module (which depends on the catalog,
 * not the other way round). The catalog needs it to tell {@link EventStatus#SOLD_OUT} and to show
 * "few left" in search results.
 */
public interface StockLevels {

  /** Stock of the given events; events without inventory (drafts) are absent. */
  Map<EventId, Stock> of(Collection<EventId> events);

  /**
   * @param total seats plus general-admission places
   * @param remaining of those, neither held nor sold
   */
  record Stock(int total, int remaining) {

    public static final Stock NONE = new Stock(0, 0);

    public boolean soldOut() {
      return total > 0 && remaining == 0;
    }

    /** Less than a tenth left (and at most 100 places): worth telling buyers. */
    public boolean fewLeft() {
      return remaining > 0 && (remaining * 10L < total || remaining <= 10);
    }
  }
}
