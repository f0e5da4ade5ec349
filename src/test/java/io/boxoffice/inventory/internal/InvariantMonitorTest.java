package io.boxoffice.inventory.internal;

import static io.boxoffice.test.TestCatalog.gaSection;
import static io.boxoffice.test.TestCatalog.generalAdmission;
import static io.boxoffice.test.TestCatalog.seatIds;
import static io.boxoffice.test.TestCatalog.seated;
import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.catalog.EventId;
import io.boxoffice.inventory.HoldRequest;
import io.boxoffice.inventory.Inventory;
import io.boxoffice.test.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class InvariantMonitorTest extends IntegrationTest {

  @Autowired InvariantMonitor monitor;
  @Autowired Inventory inventory;

  @Test
  void findsNothingWrongAfterNormalUseAndCatchesCorruption() {
    var eventId =
        catalog.onSale(
            accounts.organizer().token(),
            "Watched",
            "Oslo",
            List.of(seated("A", 1, 4), generalAdmission("Floor", 10)));
    var event = new EventId(UUID.fromString(eventId));
    var fans = accounts.bulkCustomers(jdbc, 2);
    var seatHold =
        inventory.hold(
            fans.get(0), event, new HoldRequest.Seats(seatIds(jdbc, eventId).subList(0, 2)));
    inventory.hold(
        fans.get(1), event, new HoldRequest.GeneralAdmission(gaSection(jdbc, eventId), 3));

    assertThat(monitor.check()).allSatisfy((check, rows) -> assertThat(rows).as(check).isZero());

    // a bug that forgot to release seats, and one that miscounted places
    jdbc.update("update hold set status = 'RELEASED' where id = ?", seatHold.id().value());
    jdbc.update("update ga_inventory set held = held + 1 where event_id = ?::uuid", eventId);

    var found = monitor.check();
    assertThat(found)
        .containsEntry("held_seat_without_live_hold", 2)
        .containsEntry("ga_counter_mismatch", 1);
    assertThat(api.get("/actuator/prometheus").body())
        .contains("boxoffice_invariant_violations{check=\"held_seat_without_live_hold\"} 2.0");
  }
}
