package io.boxoffice.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.identity.AccountId;
import io.boxoffice.inventory.Hold;
import io.boxoffice.inventory.HoldRequest;
import io.boxoffice.inventory.Inventory;
import io.boxoffice.shared.DomainException;
import io.boxoffice.test.TestApplications;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Random sequences of hold, release, expire, sweep, checkout, decline, confirm, abandon and refund
 * against the real database; after every step the inventory invariants hold and no customer has
 * more tickets than the limit.
 */
class HoldLifecycleProperties {

  private static final int LIMIT = 4;
  private static ConfigurableApplicationContext context;
  private static AccountId organizer;

  enum Kind {
    HOLD_SEATS,
    HOLD_PLACES,
    HOLD_BEST,
    RELEASE,
    EXPIRE,
    SWEEP,
    CHECKOUT,
    DECLINE,
    CONFIRM,
    ABANDON,
    REFUND
  }

  /** One step: what, by which customer, on which seats / hold (indexes wrap around). */
  record Step(Kind kind, int customer, int a, int b) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    var step =
        Combinators.combine(
                Arbitraries.of(Kind.class),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 11),
                Arbitraries.integers().between(1, 3))
            .as(Step::new);
    return step.list().ofMinSize(5).ofMaxSize(25);
  }

  private static synchronized ConfigurableApplicationContext context() {
    if (context == null) {
      context = TestApplications.start(Map.of());
      organizer = TestApplications.organizer(context);
    }
    return context;
  }

  /** Steps that succeeded, by kind: the sequences must really reach every transition. */
  private static final Map<Kind, Integer> SUCCEEDED =
      new java.util.concurrent.ConcurrentHashMap<>();

  @AfterContainer
  static void close() {
    assertThat(SUCCEEDED.keySet())
        .as("kinds of steps that succeeded at least once")
        .contains(Kind.values());
    if (context != null) {
      context.close();
      context = null;
    }
  }

  @Property(tries = 60, seed = "20261128")
  void invariantsHoldAfterEveryStep(@ForAll("steps") List<Step> steps) {
    var app = context();
    var inventory = app.getBean(Inventory.class);
    var jdbc = app.getBean(JdbcTemplate.class);
    var monitor = app.getBean(InvariantMonitor.class);
    var sweeper = app.getBean(HoldSweeper.class);
    var event = TestApplications.eventOnSale(app, organizer, 2, 6, 6, LIMIT);
    var seats =
        jdbc.queryForList(
            "select seat_id from event_seat where event_id = ? order by row_index, position",
            UUID.class,
            event.value());
    var floor =
        jdbc.queryForObject(
            "select section_id from ga_inventory where event_id = ?", UUID.class, event.value());
    var customers = TestApplications.customers(jdbc, 3);
    var holds = new ArrayList<Hold>();

    for (var step : steps) {
      var customer = customers.get(step.customer());
      var hold = holds.isEmpty() ? null : holds.get(step.a() % holds.size());
      try {
        switch (step.kind()) {
          case HOLD_SEATS -> {
            var pick = new ArrayList<UUID>();
            for (int i = 0; i < step.b(); i++) {
              pick.add(seats.get((step.a() + i) % seats.size()));
            }
            holds.add(inventory.hold(customer, event, new HoldRequest.Seats(pick)));
          }
          case HOLD_PLACES ->
              holds.add(
                  inventory.hold(
                      customer, event, new HoldRequest.GeneralAdmission(floor, step.b())));
          case HOLD_BEST ->
              holds.add(
                  inventory.hold(
                      customer, event, new HoldRequest.BestAvailable(step.b(), null, null)));
          case RELEASE -> {
            if (hold != null) {
              inventory.release(hold.id(), hold.customerId());
            }
          }
          case EXPIRE -> {
            if (hold != null) {
              jdbc.update(
                  "update hold set expires_at = now() - interval '1 second' where id = ?",
                  hold.id().value());
            }
          }
          case SWEEP -> sweeper.sweepAll();
          case CHECKOUT -> {
            if (hold != null) {
              inventory.startCheckout(hold.id(), hold.customerId(), Duration.ofMinutes(5));
            }
          }
          case DECLINE -> {
            if (hold != null) {
              inventory.returnToActive(hold.id());
            }
          }
          case CONFIRM -> {
            if (hold != null) {
              inventory.confirm(hold.id());
            }
          }
          case ABANDON -> {
            if (hold != null) {
              inventory.abandonCheckout(hold.id());
            }
          }
          case REFUND -> {
            if (hold != null) {
              inventory.refund(hold.id());
            }
          }
        }
        SUCCEEDED.merge(step.kind(), 1, Integer::sum);
      } catch (DomainException refused) {
        // a refusal is a legal outcome; what matters is that it changed nothing
      }
      assertThat(monitor.check())
          .as("after %s", step)
          .allSatisfy((check, rows) -> assertThat(rows).as(check).isZero());
      for (var c : customers) {
        assertThat(
                jdbc.queryForObject(
                    """
                select coalesce(sum(quantity), 0) from hold where event_id = ? and customer_id = ?
                  and (status in ('CHECKING_OUT', 'CONFIRMED') or (status = 'ACTIVE' and expires_at > now()))
                """,
                    Integer.class,
                    event.value(),
                    c.value()))
            .isLessThanOrEqualTo(LIMIT);
      }
    }
  }
}
