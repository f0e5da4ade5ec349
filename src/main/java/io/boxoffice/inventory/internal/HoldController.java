package io.boxoffice.inventory.internal;

import io.boxoffice.catalog.EventId;
import io.boxoffice.identity.CurrentAccount;
import io.boxoffice.inventory.Hold;
import io.boxoffice.inventory.HoldId;
import io.boxoffice.inventory.HoldRequest;
import io.boxoffice.inventory.HoldStatus;
import io.boxoffice.inventory.Inventory;
import io.boxoffice.shared.InvalidRequest;
import io.boxoffice.shared.Money;
import io.boxoffice.shared.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Holding seats: create, read and release your own holds. */
@RestController
@Tag(name = "Holds", description = "Hold seats or places for a few minutes while you pay")
class HoldController {

  /** Exactly one of {@code seats}, {@code section} + {@code quantity}, {@code bestAvailable}. */
  @Schema(
      description =
          "Exactly one of: seats; section with quantity (general admission); bestAvailable",
      example = "{\"bestAvailable\": {\"quantity\": 2}}")
  record HoldBody(
      @Size(max = 100) List<@NotNull UUID> seats,
      UUID section,
      Integer quantity,
      @Valid BestAvailableBody bestAvailable) {}

  record BestAvailableBody(@NotNull Integer quantity, UUID tier, UUID section) {}

  record ItemView(UUID seatId, UUID sectionId, UUID tierId, int quantity, Money price) {}

  record HoldView(
      UUID holdId,
      UUID eventId,
      HoldStatus status,
      List<ItemView> items,
      Money total,
      Instant expiresAt,
      Instant checkoutUntil,
      Instant createdAt) {

    static HoldView of(Hold hold) {
      return new HoldView(
          hold.id().value(),
          hold.eventId().value(),
          hold.status(),
          hold.items().stream()
              .map(
                  i -> new ItemView(i.seatId(), i.sectionId(), i.tierId(), i.quantity(), i.price()))
              .toList(),
          hold.total(),
          hold.expiresAt(),
          hold.checkoutUntil(),
          hold.createdAt());
    }
  }

  private final Inventory inventory;
  private final InventoryMetrics metrics;

  HoldController(Inventory inventory, InventoryMetrics metrics) {
    this.inventory = inventory;
    this.metrics = metrics;
  }

  @PostMapping("/api/v1/events/{eventId}/holds")
  @Operation(
      summary = "Hold named seats, places in a general-admission section, or the best seats",
      description =
          "All or nothing. 409 with unavailableSeats when seats are taken; 422 when the request"
              + " can never succeed (unknown seats, limit, not on sale).")
  ResponseEntity<HoldView> hold(
      @PathVariable UUID eventId, @Valid @RequestBody HoldBody body, Authentication caller) {
    var request = request(body);
    var customer = CurrentAccount.require(caller);
    var hold = metrics.timeHold(() -> inventory.hold(customer, new EventId(eventId), request));
    return ResponseEntity.created(URI.create("/api/v1/holds/" + hold.id())).body(HoldView.of(hold));
  }

  @GetMapping("/api/v1/holds/{holdId}")
  @Operation(summary = "One of your holds")
  HoldView get(@PathVariable UUID holdId, Authentication caller) {
    var id = new HoldId(holdId);
    return inventory
        .findOwned(id, CurrentAccount.require(caller))
        .map(HoldView::of)
        .orElseThrow(() -> new NotFound("Hold", id));
  }

  @DeleteMapping("/api/v1/holds/{holdId}")
  @Operation(summary = "Give one of your holds back; its seats are on sale again at once")
  ResponseEntity<Void> release(@PathVariable UUID holdId, Authentication caller) {
    inventory.release(new HoldId(holdId), CurrentAccount.require(caller));
    metrics.released();
    return ResponseEntity.noContent().build();
  }

  private static HoldRequest request(HoldBody body) {
    int forms =
        (body.seats() != null ? 1 : 0)
            + (body.section() != null || body.quantity() != null ? 1 : 0)
            + (body.bestAvailable() != null ? 1 : 0);
    if (forms != 1) {
      throw new InvalidRequest(
          "body", "give exactly one of seats, section with quantity, or bestAvailable");
    }
    if (body.seats() != null) {
      return new HoldRequest.Seats(List.copyOf(body.seats()));
    }
    if (body.bestAvailable() != null) {
      var best = body.bestAvailable();
      return new HoldRequest.BestAvailable(best.quantity(), best.tier(), best.section());
    }
    if (body.section() == null || body.quantity() == null) {
      throw new InvalidRequest("section", "a general-admission hold needs section and quantity");
    }
    return new HoldRequest.GeneralAdmission(body.section(), body.quantity());
  }
}
