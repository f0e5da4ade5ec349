package io.boxoffice.inventory;

import static io.boxoffice.test.TestCatalog.gaSection;
import static io.boxoffice.test.TestCatalog.generalAdmission;
import static io.boxoffice.test.TestCatalog.seatIds;
import static io.boxoffice.test.TestCatalog.seated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boxoffice.catalog.EventId;
import io.boxoffice.identity.AccountId;
import io.boxoffice.shared.Conflict;
import io.boxoffice.test.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class HoldStateMachineTest extends IntegrationTest {

  @Autowired Inventory inventory;

  private String eventId;
  private EventId event;
  private AccountId fan;
  private List<UUID> seats;

  @BeforeEach
  void anEvent() {
    eventId =
        catalog.onSale(
            accounts.organizer().token(),
            "Machine",
            "Oslo",
            List.of(seated("A", 1, 4), generalAdmission("Floor", 10)));
    event = new EventId(UUID.fromString(eventId));
    fan = accounts.bulkCustomers(jdbc, 1).getFirst();
    seats = seatIds(jdbc, eventId);
  }

  private Map<String, Object> counts() {
    return jdbc.queryForMap(
        """
        select (select count(*) from event_seat where event_id = ?::uuid and status = 'HELD') as held,
               (select count(*) from event_seat where event_id = ?::uuid and status = 'SOLD') as sold,
               (select held from ga_inventory where event_id = ?::uuid) as ga_held,
               (select sold from ga_inventory where event_id = ?::uuid) as ga_sold
        """,
        eventId,
        eventId,
        eventId,
        eventId);
  }

  @Test
  void aPaidHoldSellsItsSeatsAndARefundPutsThemBackOnSale() {
    var hold = inventory.hold(fan, event, new HoldRequest.Seats(seats.subList(0, 2)));

    var paying = inventory.startCheckout(hold.id(), fan, Duration.ofMinutes(5));
    assertThat(paying.status()).isEqualTo(HoldStatus.CHECKING_OUT);
    assertThat(paying.checkoutUntil()).isAfter(paying.expiresAt());
    inventory.confirm(hold.id());
    assertThat(counts()).containsEntry("held", 0L).containsEntry("sold", 2L);

    inventory.refund(hold.id());
    assertThat(counts()).containsEntry("held", 0L).containsEntry("sold", 0L);
    assertThat(inventory.find(hold.id()).orElseThrow().status()).isEqualTo(HoldStatus.RELEASED);
  }

  @Test
  void generalAdmissionPlacesMoveFromHeldToSold() {
    var hold =
        inventory.hold(fan, event, new HoldRequest.GeneralAdmission(gaSection(jdbc, eventId), 3));
    inventory.startCheckout(hold.id(), fan, Duration.ofMinutes(5));
    inventory.confirm(hold.id());

    assertThat(counts()).containsEntry("ga_held", 0).containsEntry("ga_sold", 3);
  }

  @Test
  void aDeclinedPaymentReturnsTheHoldToActiveAndAFailedPurchaseReleasesIt() {
    var hold = inventory.hold(fan, event, new HoldRequest.Seats(seats.subList(0, 1)));
    inventory.startCheckout(hold.id(), fan, Duration.ofMinutes(5));

    inventory.returnToActive(hold.id());
    assertThat(inventory.find(hold.id()).orElseThrow().status()).isEqualTo(HoldStatus.ACTIVE);
    assertThat(inventory.find(hold.id()).orElseThrow().checkoutUntil()).isNull();

    inventory.startCheckout(hold.id(), fan, Duration.ofMinutes(5));
    inventory.abandonCheckout(hold.id());
    assertThat(inventory.find(hold.id()).orElseThrow().status()).isEqualTo(HoldStatus.RELEASED);
    assertThat(counts()).containsEntry("held", 0L);
  }

  @Test
  void illegalTransitionsAreRefusedAndChangeNothing() {
    var hold = inventory.hold(fan, event, new HoldRequest.Seats(seats.subList(0, 1)));

    assertThatThrownBy(() -> inventory.confirm(hold.id())).isInstanceOf(Conflict.class);
    assertThatThrownBy(() -> inventory.refund(hold.id())).isInstanceOf(Conflict.class);
    assertThatThrownBy(() -> inventory.returnToActive(hold.id())).isInstanceOf(Conflict.class);
    assertThat(inventory.find(hold.id()).orElseThrow().status()).isEqualTo(HoldStatus.ACTIVE);
    assertThat(counts()).containsEntry("held", 1L).containsEntry("sold", 0L);

    inventory.release(hold.id(), fan);
    assertThatThrownBy(() -> inventory.startCheckout(hold.id(), fan, Duration.ofMinutes(1)))
        .isInstanceOf(Conflict.class);
    assertThat(counts()).containsEntry("held", 0L);
  }

  @Test
  void anExpiredHoldCannotStartCheckout() {
    var hold = inventory.hold(fan, event, new HoldRequest.Seats(seats.subList(0, 1)));
    jdbc.update(
        "update hold set expires_at = now() - interval '1 second' where id = ?", hold.id().value());

    assertThatThrownBy(() -> inventory.startCheckout(hold.id(), fan, Duration.ofMinutes(1)))
        .hasMessageContaining("expired");
  }

  @Test
  void theDiagramInTheDocsShowsExactlyTheTransitionsTheCodeAllows() throws Exception {
    var doc = Files.readString(Path.of("docs/inventory.md"));
    var drawn = new TreeSet<String>();
    var arrow = Pattern.compile("^\\s*(\\w+) --> (\\w+)", Pattern.MULTILINE).matcher(doc);
    while (arrow.find()) {
      if (!arrow.group(1).equals("[*]")) {
        drawn.add(arrow.group(1) + "->" + arrow.group(2));
      }
    }
    var allowed = new TreeSet<String>();
    for (var from : HoldStatus.values()) {
      from.next().forEach(to -> allowed.add(from + "->" + to));
    }

    assertThat(drawn).isEqualTo(allowed);
  }
}
