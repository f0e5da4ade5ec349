package io.boxoffice.checkout;

import io.boxoffice.catalog.EventId;
import io.boxoffice.shared.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An event's sales as checkout sees them, for the organizer's dashboard. */
public interface SalesFigures {

  Figures of(EventId event, Instant since);

  /**
   * @param revenue paid orders (confirmed, capturing, completed), refunds excluded
   * @param ordersByStatus every order of the event by its status
   * @param paymentSuccess paid ÷ (paid + declined), null before the first answer
   * @param ticketsPerMinute tickets in paid orders by the minute the order was placed, since the
   *     given time, oldest first
   */
  record Figures(
      Money revenue,
      int ticketsSold,
      Map<OrderStatus, Integer> ordersByStatus,
      Double paymentSuccess,
      List<Point> ticketsPerMinute) {}

  record Point(Instant minute, int tickets) {}
}
