package io.boxoffice.inventory.internal;

import io.boxoffice.catalog.Catalog;
import io.boxoffice.catalog.EventId;
import io.boxoffice.identity.CurrentAccount;
import io.boxoffice.inventory.Availability;
import io.boxoffice.inventory.Inventory;
import io.boxoffice.shared.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

@RestController
@Tag(name = "Events")
class AvailabilityController {

  private final Inventory inventory;
  private final Catalog catalog;

  AvailabilityController(Inventory inventory, Catalog catalog) {
    this.inventory = inventory;
    this.catalog = catalog;
  }

  @GetMapping("/api/v1/events/{eventId}/availability")
  @Operation(summary = "Seats held or sold and places left per general-admission section")
  ResponseEntity<Availability> availability(
      @PathVariable UUID eventId, Authentication authentication, WebRequest request) {
    var id = new EventId(eventId);
    catalog
        .event(id)
        .filter(e -> e.visibleTo(CurrentAccount.of(authentication)))
        .orElseThrow(() -> new NotFound("Event", id));
    var availability =
        inventory
            .availability(id)
            .orElseThrow(() -> new NotFound("Availability of event", id + " (not published)"));
    var etag = "\"availability-" + eventId + "-" + availability.version() + "\"";
    if (request.checkNotModified(etag)) {
      return null;
    }
    return ResponseEntity.ok()
        .eTag(etag)
        .cacheControl(CacheControl.maxAge(Duration.ofSeconds(1)).cachePublic())
        .body(availability);
  }
}
