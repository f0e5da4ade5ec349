package io.boxoffice.checkout.internal;

import io.boxoffice.catalog.EventId;
import io.boxoffice.checkout.Order;
import io.boxoffice.checkout.OrderId;
import io.boxoffice.checkout.OrderStatus;
import io.boxoffice.identity.AccountId;
import io.boxoffice.inventory.HoldId;
import io.boxoffice.shared.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Orders. Every status change is conditional on the expected current status. */
@Repository
class OrderRepository {

  private final JdbcClient jdbc;

  OrderRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The attempt number of a new order on this hold: 1 + orders already tried on it. */
  int nextAttempt(HoldId hold) {
    return jdbc.sql("select count(*) + 1 from customer_order where hold_id = :hold")
        .param("hold", hold.value())
        .query(Integer.class)
        .single();
  }

  void insert(Order order, String paymentToken, Duration lease) {
    jdbc.sql(
            """
            insert into customer_order (id, customer_id, event_id, hold_id, status, amount, currency,
                quantity, provider, payment_token, attempt, next_action_at)
            values (:id, :customer, :event, :hold, :status, :amount, :currency, :quantity,
                :provider, :token, :attempt, now() + make_interval(secs => :lease))
            """)
        .param("id", order.id().value())
        .param("customer", order.customerId().value())
        .param("event", order.eventId().value())
        .param("hold", order.holdId().value())
        .param("status", order.status().name())
        .param("amount", order.total().amount())
        .param("currency", order.total().currency())
        .param("quantity", order.quantity())
        .param("provider", order.provider())
        .param("token", paymentToken)
        .param("attempt", order.attempt())
        .param("lease", (double) lease.toSeconds())
        .update();
  }

  /**
   * Moves the order from {@code from} to {@code to} and pushes its next recovery look by {@code
   * lease}; false if it was no longer in {@code from} (someone else moved it).
   */
  boolean transition(OrderId id, OrderStatus from, OrderStatus to, Duration lease) {
    if (!from.canBecome(to) && from != to) {
      throw new IllegalArgumentException(from + " cannot become " + to);
    }
    return jdbc.sql(
                """
                update customer_order set status = :to, updated_at = now(), version = version + 1,
                    next_action_at = now() + make_interval(secs => :lease)
                where id = :id and status = :from
                """)
            .param("id", id.value())
            .param("from", from.name())
            .param("to", to.name())
            .param("lease", (double) lease.toSeconds())
            .update()
        == 1;
  }

  void setProviderRef(OrderId id, String providerRef) {
    jdbc.sql("update customer_order set provider_ref = :ref, updated_at = now() where id = :id")
        .param("id", id.value())
        .param("ref", providerRef)
        .update();
  }

  void setFailure(OrderId id, String reason) {
    jdbc.sql(
            "update customer_order set failure_reason = :reason, updated_at = now() where id = :id")
        .param("id", id.value())
        .param("reason", reason)
        .update();
  }

  /** Counts a failed capture and schedules the next try after {@code backoff}. */
  int captureFailed(OrderId id, Duration backoff) {
    return jdbc.sql(
            """
            update customer_order set capture_attempts = capture_attempts + 1, updated_at = now(),
                next_action_at = now() + make_interval(secs => :backoff)
            where id = :id returning capture_attempts
            """)
        .param("id", id.value())
        .param("backoff", backoff.toMillis() / 1000.0)
        .query(Integer.class)
        .single();
  }

  /** Marks every order of the event that has or may still take money for a refund. */
  int requestRefunds(EventId event) {
    return jdbc.sql(
            """
            update customer_order set refund_requested = true, next_action_at = now(),
                updated_at = now()
            where event_id = :event and status not in ('DECLINED', 'CANCELLED', 'REFUNDED')
            """)
        .param("event", event.value())
        .update();
  }

  boolean refundRequested(OrderId id) {
    return jdbc.sql("select refund_requested from customer_order where id = :id")
        .param("id", id.value())
        .query(Boolean.class)
        .single();
  }

  void rehold(OrderId id, HoldId hold) {
    jdbc.sql("update customer_order set hold_id = :hold, updated_at = now() where id = :id")
        .param("id", id.value())
        .param("hold", hold.value())
        .update();
  }

  /** Orders given up on because the provider never answered, recently enough to still matter. */
  List<Order> givenUp(String reason, Duration within) {
    return jdbc.sql(
            """
            select * from customer_order
            where status = 'DECLINED' and failure_reason = :reason
              and updated_at > now() - make_interval(secs => :within)
            order by updated_at
            """)
        .param("reason", reason)
        .param("within", (double) within.toSeconds())
        .query(OrderRepository::map)
        .list();
  }

  String paymentToken(OrderId id) {
    return jdbc.sql("select payment_token from customer_order where id = :id")
        .param("id", id.value())
        .query(String.class)
        .single();
  }

  /**
   * Claims up to {@code limit} non-terminal orders whose time has come, pushing each one's next
   * look by {@code lease}: one statement with {@code SKIP LOCKED}, so recovery workers on N
   * instances take disjoint orders, and an order a live request is still driving (its lease not
   * over) is left alone.
   */
  List<OrderId> claimDue(int limit, Duration lease) {
    return jdbc.sql(
            """
            update customer_order set next_action_at = now() + make_interval(secs => :lease)
            where id in (
                select id from customer_order
                where (status not in ('COMPLETED', 'DECLINED', 'CANCELLED', 'REFUNDED')
                       or (status = 'COMPLETED' and refund_requested))
                  and next_action_at <= now()
                order by next_action_at limit :limit
                for update skip locked)
            returning id
            """)
        .param("limit", limit)
        .param("lease", (double) lease.toSeconds())
        .query((rs, n) -> new OrderId(rs.getObject("id", UUID.class)))
        .list();
  }

  Optional<Order> find(OrderId id) {
    return jdbc.sql("select * from customer_order where id = :id")
        .param("id", id.value())
        .query(OrderRepository::map)
        .optional();
  }

  List<Order> ofCustomer(AccountId customer, int limit) {
    return jdbc.sql(
            "select * from customer_order where customer_id = :customer"
                + " order by created_at desc limit :limit")
        .param("customer", customer.value())
        .param("limit", limit)
        .query(OrderRepository::map)
        .list();
  }

  List<Order> ofEvent(EventId event, int limit) {
    return jdbc.sql(
            "select * from customer_order where event_id = :event"
                + " order by created_at desc limit :limit")
        .param("event", event.value())
        .param("limit", limit)
        .query(OrderRepository::map)
        .list();
  }

  private static Order map(ResultSet rs, int row) throws SQLException {
    return new Order(
        new OrderId(rs.getObject("id", UUID.class)),
        new AccountId(rs.getObject("customer_id", UUID.class)),
        new EventId(rs.getObject("event_id", UUID.class)),
        new HoldId(rs.getObject("hold_id", UUID.class)),
        OrderStatus.valueOf(rs.getString("status")),
        Money.of(rs.getLong("amount"), rs.getString("currency")),
        rs.getInt("quantity"),
        rs.getString("provider"),
        rs.getInt("attempt"),
        rs.getString("provider_ref"),
        rs.getString("failure_reason"),
        rs.getInt("capture_attempts"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}
