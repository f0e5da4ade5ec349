package io.boxoffice.checkout.internal;

import io.boxoffice.catalog.EventId;
import io.boxoffice.checkout.OrderStatus;
import io.boxoffice.checkout.SalesFigures;
import io.boxoffice.shared.Money;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads an event's orders for the dashboard: two grouped queries, no per-order work. */
@Component
class SalesQueries implements SalesFigures {

  private static final Set<OrderStatus> PAID =
      Set.of(OrderStatus.CONFIRMED, OrderStatus.CAPTURING, OrderStatus.COMPLETED);

  private final JdbcClient jdbc;

  SalesQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Figures of(EventId event, Instant since) {
    var byStatus = new EnumMap<OrderStatus, Integer>(OrderStatus.class);
    var revenue = new long[1];
    var tickets = new int[1];
    var currency = new String[] {"EUR"};
    jdbc.sql(
            """
            select status, count(*) as orders, sum(amount) as amount, sum(quantity) as tickets,
                   min(currency) as currency
            from customer_order where event_id = :event group by status
            """)
        .param("event", event.value())
        .query(
            rs -> {
              var status = OrderStatus.valueOf(rs.getString("status"));
              byStatus.put(status, rs.getInt("orders"));
              currency[0] = rs.getString("currency");
              if (PAID.contains(status)) {
                revenue[0] += rs.getLong("amount");
                tickets[0] += rs.getInt("tickets");
              }
            });
    int paid = PAID.stream().mapToInt(s -> byStatus.getOrDefault(s, 0)).sum();
    int declined = byStatus.getOrDefault(OrderStatus.DECLINED, 0);
    var perMinute =
        jdbc.sql(
                """
                select date_trunc('minute', created_at) as minute, sum(quantity) as tickets
                from customer_order
                where event_id = :event and created_at >= :since
                  and status in ('CONFIRMED', 'CAPTURING', 'COMPLETED')
                group by 1 order by 1
                """)
            .param("event", event.value())
            .param("since", Timestamp.from(since))
            .query(
                (rs, n) -> new Point(rs.getTimestamp("minute").toInstant(), rs.getInt("tickets")))
            .list();
    return new Figures(
        Money.of(revenue[0], currency[0]),
        tickets[0],
        byStatus,
        paid + declined == 0 ? null : paid / (double) (paid + declined),
        perMinute);
  }
}
