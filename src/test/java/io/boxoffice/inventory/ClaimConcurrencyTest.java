package io.boxoffice.inventory;

import static io.boxoffice.test.TestCatalog.gaSection;
import static io.boxoffice.test.TestCatalog.generalAdmission;
import static io.boxoffice.test.TestCatalog.seatIds;
import static io.boxoffice.test.TestCatalog.seated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boxoffice.catalog.EventId;
import io.boxoffice.identity.AccountId;
import io.boxoffice.inventory.HoldRejections.NotEnoughPlaces;
import io.boxoffice.inventory.HoldRejections.SeatsUnavailable;
import io.boxoffice.test.IntegrationTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Many clients released together on the same seats, through the inventory module's API (the same
 * path the HTTP API takes): exactly as many win as there are seats, the others are told so, and the
 * database agrees.
 */
class ClaimConcurrencyTest extends IntegrationTest {

  @Autowired Inventory inventory;

  enum Outcome {
    HELD,
    REFUSED,
    ERROR
  }

  /** Runs {@code clients} requests on virtual threads, all released at once. */
  private Map<Outcome, Integer> race(int clients, IntFunction<Outcome> request) throws Exception {
    var start = new CountDownLatch(1);
    var outcomes = new ConcurrentHashMap<Outcome, Integer>();
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      var futures = new ArrayList<Future<?>>();
      for (int i = 0; i < clients; i++) {
        int client = i;
        futures.add(
            threads.submit(
                () -> {
                  start.await();
                  outcomes.merge(request.apply(client), 1, Integer::sum);
                  return null;
                }));
      }
      start.countDown();
      for (var future : futures) {
        future.get();
      }
    }
    return outcomes;
  }

  private Outcome attempt(AccountId customer, EventId event, HoldRequest request) {
    try {
      inventory.hold(customer, event, request);
      return Outcome.HELD;
    } catch (SeatsUnavailable | NotEnoughPlaces | HoldRejections.LimitExceeded e) {
      return Outcome.REFUSED;
    } catch (RuntimeException e) {
      e.printStackTrace();
      return Outcome.ERROR;
    }
  }

  private String event(List<?> sections) {
    var id = catalog.onSale(accounts.organizer().token(), "Flash sale", "Oslo", sections);
    jdbc.update("update event set max_tickets_per_customer = 100 where id = ?::uuid", id);
    return id;
  }

  @Test
  void tenThousandClientsForOneHundredSeatsMakeExactlyOneHundredHolds() throws Exception {
    var eventId = event(List.of(seated("Stalls", 4, 25)));
    var event = new EventId(UUID.fromString(eventId));
    var seats = seatIds(jdbc, eventId);
    var fans = accounts.bulkCustomers(jdbc, 10_000);

    var outcomes =
        race(
            10_000,
            i -> attempt(fans.get(i), event, new HoldRequest.Seats(List.of(seats.get(i % 100)))));

    assertThat(outcomes).containsEntry(Outcome.HELD, 100).containsEntry(Outcome.REFUSED, 9_900);
    assertThat(outcomes).doesNotContainKey(Outcome.ERROR);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from event_seat where event_id = ?::uuid and status = 'HELD'",
                Integer.class,
                eventId))
        .isEqualTo(100);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from hold where event_id = ?::uuid and status = 'ACTIVE'",
                Integer.class,
                eventId))
        .isEqualTo(100);
    // each held seat is in exactly one hold, and each hold has exactly its one seat
    assertThat(
            jdbc.queryForObject(
                """
            select count(*) from hold h where h.event_id = ?::uuid and 1 = (
              select count(*) from event_seat es where es.event_id = h.event_id and es.hold_id = h.id)
            """,
                Integer.class,
                eventId))
        .isEqualTo(100);
  }

  @Test
  void tenThousandClientsForTheSameSeatMakeExactlyOneHold() throws Exception {
    var eventId = event(List.of(seated("Stalls", 1, 10)));
    var event = new EventId(UUID.fromString(eventId));
    var seat = seatIds(jdbc, eventId).getFirst();
    var fans = accounts.bulkCustomers(jdbc, 10_000);

    var outcomes =
        race(10_000, i -> attempt(fans.get(i), event, new HoldRequest.Seats(List.of(seat))));

    assertThat(outcomes).containsEntry(Outcome.HELD, 1).containsEntry(Outcome.REFUSED, 9_999);
    assertThat(jdbc.queryForObject("select count(*) from hold", Integer.class)).isEqualTo(1);
  }

  @Test
  void tenThousandClientsForOneHundredPlacesHoldExactlyOneHundred() throws Exception {
    var eventId = event(List.of(generalAdmission("Floor", 100)));
    var event = new EventId(UUID.fromString(eventId));
    var floor = gaSection(jdbc, eventId);
    var fans = accounts.bulkCustomers(jdbc, 10_000);

    var outcomes =
        race(10_000, i -> attempt(fans.get(i), event, new HoldRequest.GeneralAdmission(floor, 1)));

    assertThat(outcomes).containsEntry(Outcome.HELD, 100).containsEntry(Outcome.REFUSED, 9_900);
    assertThat(
            jdbc.queryForMap(
                "select held, sold, capacity from ga_inventory where event_id = ?::uuid", eventId))
        .containsEntry("held", 100)
        .containsEntry("sold", 0);
    assertThat(
            jdbc.queryForObject(
                "select sum(quantity) from hold where event_id = ?::uuid and status = 'ACTIVE'",
                Integer.class,
                eventId))
        .isEqualTo(100);
  }

  @Test
  void generalAdmissionHoldsDecidedInOneBatchStayAllOrNothing() throws Exception {
    var eventId = event(List.of(generalAdmission("Floor", 10)));
    var event = new EventId(UUID.fromString(eventId));
    var floor = gaSection(jdbc, eventId);
    var fans = accounts.bulkCustomers(jdbc, 50);

    var outcomes =
        race(50, i -> attempt(fans.get(i), event, new HoldRequest.GeneralAdmission(floor, 3)));

    // three holds of three fit in ten places; no hold is ever cut to the one place left
    assertThat(outcomes).containsEntry(Outcome.HELD, 3).containsEntry(Outcome.REFUSED, 47);
    assertThat(
            jdbc.queryForMap(
                "select held, sold from ga_inventory where event_id = ?::uuid", eventId))
        .containsEntry("held", 9)
        .containsEntry("sold", 0);
    assertThat(
            jdbc.queryForList(
                "select quantity from hold where event_id = ?::uuid", Integer.class, eventId))
        .containsExactly(3, 3, 3);
    assertThat(attempt(fans.getFirst(), event, new HoldRequest.GeneralAdmission(floor, 1)))
        .isEqualTo(Outcome.HELD);
  }

  @Test
  void oneAccountFiringOneHundredGeneralAdmissionHoldsGetsAtMostItsLimit() throws Exception {
    var eventId = event(List.of(generalAdmission("Floor", 1_000)));
    jdbc.update("update event set max_tickets_per_customer = 8 where id = ?::uuid", eventId);
    var event = new EventId(UUID.fromString(eventId));
    var floor = gaSection(jdbc, eventId);
    var fan = accounts.bulkCustomers(jdbc, 1).getFirst();

    var outcomes = race(100, i -> attempt(fan, event, new HoldRequest.GeneralAdmission(floor, 2)));

    assertThat(outcomes).containsEntry(Outcome.HELD, 4).containsEntry(Outcome.REFUSED, 96);
    assertThat(
            jdbc.queryForObject(
                "select held from ga_inventory where event_id = ?::uuid", Integer.class, eventId))
        .isEqualTo(8);
  }

  @Test
  void bestAvailableInALargeHouseFillsItFromTheFrontRowToTheLastSeat() {
    // 1,000 seats: more than best available reads from the front at once
    var eventId = event(List.of(seated("Stalls", 40, 25)));
    var event = new EventId(UUID.fromString(eventId));
    var fans = accounts.bulkCustomers(jdbc, 201);

    for (int i = 0; i < 200; i++) {
      var hold = inventory.hold(fans.get(i), event, new HoldRequest.BestAvailable(5, null, null));
      var rows =
          jdbc.queryForList(
              "select distinct es.row_index from event_seat es where es.hold_id = ?",
              Integer.class,
              hold.id().value());
      // five to a row, front to back: the i-th hold sits in row i / 5
      assertThat(rows).as("hold %d", i).containsExactly(i / 5);
    }

    assertThatThrownBy(
            () ->
                inventory.hold(fans.get(200), event, new HoldRequest.BestAvailable(1, null, null)))
        .isInstanceOf(HoldRejections.NoAdjacentSeats.class);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from event_seat where event_id = ?::uuid and status = 'HELD'",
                Integer.class,
                eventId))
        .isEqualTo(1_000);
  }

  @Test
  void fansAskingForTheBestSeatsAtTheSameMomentAreAllSeatedWhileTheHouseHasSeats()
      throws Exception {
    // 1,000 seats for 300 fans of two, released together: they all want the same front blocks
    var eventId = event(List.of(seated("Stalls", 40, 25)));
    var event = new EventId(UUID.fromString(eventId));
    var fans = accounts.bulkCustomers(jdbc, 300);

    var outcomes =
        race(
            300,
            i -> {
              try {
                inventory.hold(fans.get(i), event, new HoldRequest.BestAvailable(2, null, null));
                return Outcome.HELD;
              } catch (HoldRejections.NoAdjacentSeats e) {
                return Outcome.REFUSED;
              }
            });

    assertThat(outcomes).isEqualTo(Map.of(Outcome.HELD, 300));
    assertThat(
            jdbc.queryForObject(
                "select count(distinct seat_id) from hold_seat where event_id = ?::uuid",
                Integer.class,
                eventId))
        .isEqualTo(600);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from event_seat where event_id = ?::uuid and status = 'HELD'",
                Integer.class,
                eventId))
        .isEqualTo(600);
  }

  @Test
  void overlappingMultiSeatRequestsNeverDeadlockOrHoldPartially() throws Exception {
    var eventId = event(List.of(seated("Stalls", 2, 20)));
    var event = new EventId(UUID.fromString(eventId));
    var seats = seatIds(jdbc, eventId);
    var fans = accounts.bulkCustomers(jdbc, 1_000);
    var requests = new ArrayList<List<UUID>>();
    var random = new Random(42);
    for (int i = 0; i < 1_000; i++) {
      var pick = new ArrayList<>(seats.subList(0, 12));
      Collections.shuffle(pick, random);
      requests.add(List.copyOf(pick.subList(0, 2 + random.nextInt(4))));
    }

    var outcomes =
        race(1_000, i -> attempt(fans.get(i), event, new HoldRequest.Seats(requests.get(i))));

    assertThat(outcomes).doesNotContainKey(Outcome.ERROR);
    assertThat(outcomes.get(Outcome.HELD)).isPositive();
    // no partial holds: every hold owns exactly the seats it was granted
    assertThat(
            jdbc.queryForObject(
                """
            select count(*) from hold h where h.event_id = ?::uuid and h.quantity <> (
              select count(*) from event_seat es where es.event_id = h.event_id and es.hold_id = h.id)
            """,
                Integer.class,
                eventId))
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from hold_seat hs join hold h on h.id = hs.hold_id where h.event_id = ?::uuid",
                Integer.class,
                eventId))
        .isEqualTo(
            jdbc.queryForObject(
                "select count(*) from event_seat where event_id = ?::uuid and status = 'HELD'",
                Integer.class,
                eventId));
  }

  @Test
  void oneAccountFiringOneHundredHoldsGetsAtMostItsLimit() throws Exception {
    var eventId = event(List.of(seated("Stalls", 4, 25)));
    jdbc.update("update event set max_tickets_per_customer = 8 where id = ?::uuid", eventId);
    var event = new EventId(UUID.fromString(eventId));
    var seats = seatIds(jdbc, eventId);
    var fan = accounts.bulkCustomers(jdbc, 1).getFirst();

    var outcomes =
        race(100, i -> attempt(fan, event, new HoldRequest.Seats(List.of(seats.get(i)))));

    assertThat(outcomes).containsEntry(Outcome.HELD, 8).containsEntry(Outcome.REFUSED, 92);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from event_seat where event_id = ?::uuid and status = 'HELD'",
                Integer.class,
                eventId))
        .isEqualTo(8);
  }
}
