package io.boxoffice.checkout.internal;

import io.boxoffice.checkout.OrderId;
import io.boxoffice.checkout.internal.payment.PaymentResult;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The record of every payment call: written as SENT before the call leaves (in its own short
 * transaction), completed with the outcome after. A SENT or UNKNOWN row is exactly what recovery
 * must resolve by asking the provider about its key.
 */
@Repository
class PaymentOperations {

  enum Operation {
    AUTHORIZE,
    CAPTURE,
    VOID,
    REFUND
  }

  private final JdbcClient jdbc;

  PaymentOperations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The provider idempotency key of one call: deterministic in (order, operation, attempt), so a
   * retry of the same call can never charge twice, and a new attempt after a decline (a new order
   * with a higher attempt number) gets a new key.
   */
  static String key(OrderId order, Operation operation, int attempt) {
    return "bo-" + order.value() + "-" + operation.name().toLowerCase() + "-" + attempt;
  }

  /** Records the call as SENT unless it was recorded before (a retry); returns its key. */
  String sending(OrderId order, Operation operation, int attempt) {
    var key = key(order, operation, attempt);
    jdbc.sql(
            """
            insert into payment_operation (id, order_id, operation, attempt, idempotency_key, status)
            values (:id, :order, :operation, :attempt, :key, 'SENT')
            on conflict (idempotency_key) do nothing
            """)
        .param("id", UUID.randomUUID())
        .param("order", order.value())
        .param("operation", operation.name())
        .param("attempt", attempt)
        .param("key", key)
        .update();
    return key;
  }

  void completed(String key, PaymentResult result) {
    jdbc.sql(
            """
            update payment_operation set status = :status, provider_ref = :ref, reason = :reason,
                completed_at = case when :status = 'UNKNOWN' then null else now() end
            where idempotency_key = :key
            """)
        .param("key", key)
        .param("status", result.outcome().name())
        .param("ref", result.providerRef())
        .param("reason", result.reason())
        .update();
  }
}
