package io.boxoffice.inventory;

import static io.boxoffice.test.TestCatalog.gaSection;
import static io.boxoffice.test.TestCatalog.generalAdmission;
import static io.boxoffice.test.TestCatalog.seatIds;
import static io.boxoffice.test.TestCatalog.seated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.boxoffice.catalog.EventId;
import io.boxoffice.test.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * With the sweeper running every second, as in production, in a context of its own that is closed
 * afterwards so that its sweeper cannot touch other tests' holds.
 */
@TestPropertySource(properties = "boxoffice.inventory.sweeper.enabled=true")
@DirtiesContext
class HoldExpiryTest extends IntegrationTest {

  @Autowired Inventory inventory;

  @Test
  void holdsWithATwoSecondTtlComeBackWithinTtlPlusTwoSeconds() {
    var eventId =
        catalog.onSale(
            accounts.organizer().token(),
            "Quick",
            "Oslo",
            List.of(seated("A", 1, 4), generalAdmission("Floor", 10)));
    jdbc.update("update event set hold_ttl_seconds = 2 where id = ?::uuid", eventId);
    var event = new EventId(UUID.fromString(eventId));
    var fans = accounts.bulkCustomers(jdbc, 2);
    var seats = seatIds(jdbc, eventId);

    var seatHold = inventory.hold(fans.get(0), event, new HoldRequest.Seats(seats.subList(0, 2)));
    var gaHold =
        inventory.hold(
            fans.get(1), event, new HoldRequest.GeneralAdmission(gaSection(jdbc, eventId), 3));
    var deadline = seatHold.expiresAt().plus(Duration.ofSeconds(2));

    await()
        .atMost(Duration.ofSeconds(6))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                inventory.find(seatHold.id()).orElseThrow().status() == HoldStatus.EXPIRED
                    && inventory.find(gaHold.id()).orElseThrow().status() == HoldStatus.EXPIRED);
    assertThat(Instant.now()).isBefore(deadline.plusMillis(500));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from event_seat where event_id = ?::uuid and status = 'AVAILABLE'",
                Integer.class,
                eventId))
        .isEqualTo(4);
    assertThat(
            jdbc.queryForObject(
                "select held from ga_inventory where event_id = ?::uuid", Integer.class, eventId))
        .isZero();
  }

  @Test
  void aHoldBeingPaidForIsNotExpired() {
    var eventId =
        catalog.onSale(accounts.organizer().token(), "Quick", "Oslo", List.of(seated("A", 1, 4)));
    jdbc.update("update event set hold_ttl_seconds = 1 where id = ?::uuid", eventId);
    var fan = accounts.bulkCustomers(jdbc, 1).getFirst();
    var hold =
        inventory.hold(
            fan,
            new EventId(UUID.fromString(eventId)),
            new HoldRequest.Seats(seatIds(jdbc, eventId).subList(0, 1)));

    inventory.startCheckout(hold.id(), fan, Duration.ofMinutes(5));

    await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
    assertThat(inventory.find(hold.id()).orElseThrow().status()).isEqualTo(HoldStatus.CHECKING_OUT);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from event_seat where event_id = ?::uuid and status = 'HELD'",
                Integer.class,
                eventId))
        .isEqualTo(1);
  }
}
