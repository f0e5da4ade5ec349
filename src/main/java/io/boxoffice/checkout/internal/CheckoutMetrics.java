package io.boxoffice.checkout.internal;

import io.boxoffice.checkout.internal.payment.PaymentResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Orders by state, payment outcomes per operation, and stuck orders (non-terminal and overdue for
 * recovery by more than a minute). Gauges come from the database, so every instance agrees.
 */
@Component
class CheckoutMetrics {

  private final MeterRegistry registry;
  private final JdbcClient jdbc;
  private final MultiGauge byState;
  private final AtomicInteger stuck = new AtomicInteger();

  CheckoutMetrics(MeterRegistry registry, JdbcClient jdbc) {
    this.registry = registry;
    this.jdbc = jdbc;
    this.byState = MultiGauge.builder("boxoffice.orders").register(registry);
    registry.gauge("boxoffice.orders.stuck", stuck);
  }

  /** Times one saga step (a provider call or the confirmation), tagged by step and outcome. */
  <T> T step(String step, java.util.function.Supplier<T> work) {
    var sample = io.micrometer.core.instrument.Timer.start(registry);
    var outcome = "error";
    try {
      T result = work.get();
      outcome =
          result instanceof PaymentResult payment
              ? payment.outcome().name().toLowerCase(java.util.Locale.ROOT)
              : "ok";
      return result;
    } finally {
      sample.stop(
          io.micrometer.core.instrument.Timer.builder("boxoffice.saga.step")
              .tags("step", step, "outcome", outcome)
              .publishPercentileHistogram()
              .register(registry));
    }
  }

  void payment(String operation, PaymentResult result) {
    registry
        .counter(
            "boxoffice.payments",
            "operation",
            operation,
            "outcome",
            result.outcome().name().toLowerCase(java.util.Locale.ROOT))
        .increment();
  }

  @Scheduled(fixedDelayString = "${boxoffice.checkout.metrics-interval:10s}")
  void refresh() {
    var rows =
        jdbc.sql("select status, count(*)::int as orders from customer_order group by status")
            .query(
                (rs, n) ->
                    MultiGauge.Row.of(
                        Tags.of("state", rs.getString("status").toLowerCase(java.util.Locale.ROOT)),
                        rs.getInt("orders")))
            .list();
    byState.register(java.util.List.copyOf(rows), true);
    stuck.set(
        jdbc.sql(
                """
                select count(*) from customer_order
                where status not in ('COMPLETED', 'DECLINED', 'CANCELLED', 'REFUNDED')
                  and next_action_at < now() - interval '1 minute'
                """)
            .query(Integer.class)
            .single());
  }
}
