package io.boxoffice.checkout.internal;

import io.boxoffice.checkout.internal.payment.simulated.SimulatedLedger;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Compares the payment processor's books with ours: every settled order must match its payment
 * exactly (captured ⇔ completed with live tickets, refunded ⇔ refunded, nothing left authorized
 * once the order has ended, same amount), and every payment must belong to an order. Mismatches are
 * logged and exposed as {@code boxoffice.reconciliation.mismatches{kind}}. Read-only, so safe on N
 * instances. Runs against the simulated processor's ledger; a real provider's would be read through
 * its reporting API.
 */
@Component
@ConditionalOnProperty(
    name = "boxoffice.payments.provider",
    havingValue = "simulated",
    matchIfMissing = true)
class Reconciliation {

  enum Kind {
    CAPTURED_WITHOUT_TICKETS,
    TICKETS_WITHOUT_CAPTURE,
    OPEN_AUTHORIZATION,
    REFUND_MISMATCH,
    AMOUNT_MISMATCH,
    PAYMENT_WITHOUT_ORDER
  }

  record Mismatch(Kind kind, String orderId, String providerRef, String detail) {}

  private record Settled(String id, String status, long amount, int liveTickets) {}

  private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

  private final JdbcClient jdbc;
  private final SimulatedLedger ledger = SimulatedLedger.shared();
  private final MultiGauge gauge;

  Reconciliation(JdbcClient jdbc, MeterRegistry registry) {
    this.jdbc = jdbc;
    this.gauge = MultiGauge.builder("boxoffice.reconciliation.mismatches").register(registry);
  }

  @Scheduled(fixedDelayString = "${boxoffice.checkout.reconciliation-interval:5m}")
  List<Mismatch> reconcile() {
    var orders = new HashMap<String, Settled>();
    jdbc.sql(
            """
            select o.id::text as id, o.status, o.amount,
                   (select count(*) from ticket t where t.order_id = o.id and t.status = 'LIVE')::int
                       as live
            from customer_order o
            """)
        .query(
            rs -> {
              orders.put(
                  rs.getString("id"),
                  new Settled(
                      rs.getString("id"),
                      rs.getString("status"),
                      rs.getLong("amount"),
                      rs.getInt("live")));
            });
    var found = new ArrayList<Mismatch>();
    var paid = new HashMap<String, SimulatedLedger.Payment>();
    for (var payment : ledger.payments()) {
      paid.put(payment.orderRef(), payment);
      var order = orders.get(payment.orderRef());
      if (order == null) {
        found.add(
            mismatch(Kind.PAYMENT_WITHOUT_ORDER, payment.orderRef(), payment, "unknown order"));
        continue;
      }
      compare(order, payment, found);
    }
    for (var order : orders.values()) {
      if (order.status().equals("COMPLETED") && !paid.containsKey(order.id())) {
        found.add(
            new Mismatch(Kind.TICKETS_WITHOUT_CAPTURE, order.id(), null, "no payment at all"));
      }
    }
    publish(found);
    return found;
  }

  private static void compare(
      Settled order, SimulatedLedger.Payment payment, List<Mismatch> found) {
    boolean ended =
        switch (order.status()) {
          case "COMPLETED", "DECLINED", "CANCELLED", "REFUNDED" -> true;
          default -> false;
        };
    if (!ended) {
      return; // in flight: recovery is still driving it
    }
    var state = payment.state();
    if (state == SimulatedLedger.State.CAPTURED
        && (!order.status().equals("COMPLETED") || order.liveTickets() == 0)) {
      found.add(mismatch(Kind.CAPTURED_WITHOUT_TICKETS, order.id(), payment, order.status()));
    }
    if (order.status().equals("COMPLETED") && state != SimulatedLedger.State.CAPTURED) {
      found.add(mismatch(Kind.TICKETS_WITHOUT_CAPTURE, order.id(), payment, state.name()));
    }
    if (state == SimulatedLedger.State.AUTHORIZED) {
      found.add(mismatch(Kind.OPEN_AUTHORIZATION, order.id(), payment, order.status()));
    }
    if ((state == SimulatedLedger.State.REFUNDED) != order.status().equals("REFUNDED")) {
      found.add(mismatch(Kind.REFUND_MISMATCH, order.id(), payment, order.status() + "/" + state));
    }
    if (payment.amount().amount() != order.amount()) {
      found.add(
          mismatch(
              Kind.AMOUNT_MISMATCH,
              order.id(),
              payment,
              payment.amount().amount() + " <> " + order.amount()));
    }
  }

  private static Mismatch mismatch(
      Kind kind, String order, SimulatedLedger.Payment payment, String detail) {
    return new Mismatch(kind, order, payment.ref(), detail);
  }

  private void publish(List<Mismatch> found) {
    Map<Kind, Integer> counts = new TreeMap<>();
    for (var kind : Kind.values()) {
      counts.put(kind, 0);
    }
    found.forEach(m -> counts.merge(m.kind(), 1, Integer::sum));
    gauge.register(
        counts.entrySet().stream()
            .<MultiGauge.Row<?>>map(
                e ->
                    MultiGauge.Row.of(
                        Tags.of("kind", e.getKey().name().toLowerCase()), e.getValue()))
            .toList(),
        true);
    found.forEach(m -> log.error("reconciliation mismatch: {}", m));
  }
}
