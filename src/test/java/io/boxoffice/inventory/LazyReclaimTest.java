package io.boxoffice.inventory;

import static io.boxoffice.test.TestCatalog.gaSection;
import static io.boxoffice.test.TestCatalog.generalAdmission;
import static io.boxoffice.test.TestCatalog.seatIds;
import static io.boxoffice.test.TestCatalog.seated;
import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.catalog.EventId;
import io.boxoffice.inventory.internal.SweeperAccess;
import io.boxoffice.test.IntegrationTest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The sweeper's schedule is off in tests, so these decide when (and how often at once) it runs. */
class LazyReclaimTest extends IntegrationTest {

  @Autowired Inventory inventory;
  @Autowired SweeperAccess sweeper;

  private void expire(HoldId hold) {
    jdbc.update(
        "update hold set expires_at = now() - interval '1 second' where id = ?", hold.value());
  }

  @Test
  void anExpiredHoldsSeatsCanBeClaimedBeforeTheSweeperRuns() {
    var eventId =
        catalog.onSale(accounts.organizer().token(), "Lazy", "Oslo", List.of(seated("A", 1, 3)));
    var event = new EventId(UUID.fromString(eventId));
    var seats = seatIds(jdbc, eventId);
    var fans = accounts.bulkCustomers(jdbc, 2);
    var first = inventory.hold(fans.get(0), event, new HoldRequest.Seats(seats.subList(0, 2)));
    expire(first.id());

    var second = inventory.hold(fans.get(1), event, new HoldRequest.Seats(seats.subList(1, 3)));

    assertThat(second.status()).isEqualTo(HoldStatus.ACTIVE);
    assertThat(sweeper.sweepAll()).isEqualTo(1);
    assertThat(inventory.find(first.id()).orElseThrow().status()).isEqualTo(HoldStatus.EXPIRED);
    // the first hold's other seat came back; the taken one stays with the second hold
    assertThat(
            jdbc.queryForList(
                "select status from event_seat where event_id = ?::uuid order by row_index, position",
                String.class,
                eventId))
        .containsExactly("AVAILABLE", "HELD", "HELD");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from event_seat where hold_id = ?",
                Integer.class,
                second.id().value()))
        .isEqualTo(2);
  }

  @Test
  void expiredGeneralAdmissionPlacesCanBeClaimedBeforeTheSweeperRuns() {
    var eventId =
        catalog.onSale(
            accounts.organizer().token(), "Lazy", "Oslo", List.of(generalAdmission("Floor", 5)));
    var event = new EventId(UUID.fromString(eventId));
    var floor = gaSection(jdbc, eventId);
    var fans = accounts.bulkCustomers(jdbc, 2);
    var first = inventory.hold(fans.get(0), event, new HoldRequest.GeneralAdmission(floor, 4));
    expire(first.id());

    var second = inventory.hold(fans.get(1), event, new HoldRequest.GeneralAdmission(floor, 5));

    assertThat(second.status()).isEqualTo(HoldStatus.ACTIVE);
    assertThat(inventory.find(first.id()).orElseThrow().status()).isEqualTo(HoldStatus.EXPIRED);
    assertThat(
            jdbc.queryForObject(
                "select held from ga_inventory where event_id = ?::uuid", Integer.class, eventId))
        .isEqualTo(5);
    assertThat(sweeper.sweepAll()).isZero();
  }

  @Test
  void twoSweepersAtOnceReleaseEachHoldExactlyOnce() throws Exception {
    var eventId =
        catalog.onSale(
            accounts.organizer().token(),
            "Sweep",
            "Oslo",
            List.of(seated("A", 10, 20), generalAdmission("Floor", 2_000)));
    var event = new EventId(UUID.fromString(eventId));
    var seats = seatIds(jdbc, eventId);
    var floor = gaSection(jdbc, eventId);
    var fans = accounts.bulkCustomers(jdbc, 1_200);
    for (int i = 0; i < 200; i++) {
      inventory.hold(fans.get(i), event, new HoldRequest.Seats(List.of(seats.get(i))));
    }
    for (int i = 200; i < 1_200; i++) {
      inventory.hold(fans.get(i), event, new HoldRequest.GeneralAdmission(floor, 1));
    }
    jdbc.update("update hold set expires_at = now() - interval '1 second'");

    var start = new CountDownLatch(1);
    Callable<Integer> sweep =
        () -> {
          start.await();
          return sweeper.sweepAll();
        };
    int released;
    try (var threads = Executors.newFixedThreadPool(2)) {
      var a = threads.submit(sweep);
      var b = threads.submit(sweep);
      start.countDown();
      released = a.get() + b.get();
    }

    assertThat(released).isEqualTo(1_200);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from hold where status = 'EXPIRED'", Integer.class))
        .isEqualTo(1_200);
    assertThat(
            jdbc.queryForObject(
                "select held from ga_inventory where event_id = ?::uuid", Integer.class, eventId))
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from event_seat where event_id = ?::uuid and status <> 'AVAILABLE'",
                Integer.class,
                eventId))
        .isZero();
  }
}
