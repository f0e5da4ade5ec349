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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@Tag(name = "Events")
class AvailabilityController {

  private final Inventory inventory;
  private final Catalog catalog;
  private final AvailabilityStream stream;

  AvailabilityController(Inventory inventory, Catalog catalog, AvailabilityStream stream) {
    this.inventory = inventory;
    this.catalog = catalog;
    this.stream = stream;
  }

  @GetMapping("/api/v1/events/{eventId}/availability")
  @Operation(summary = "Seats held or sold and places left per general-admission section")
  ResponseEntity<Availability> availability(
      @PathVariable UUID eventId, Authentication authentication, WebRequest request) {
    var availability = published(eventId, authentication);
    var etag = "\"availability-" + eventId + "-" + availability.version() + "\"";
    if (request.checkNotModified(etag)) {
      return null;
    }
    return ResponseEntity.ok()
        .eTag(etag)
        .cacheControl(CacheControl.maxAge(Duration.ofSeconds(1)).cachePublic())
        .body(availability);
  }

  @GetMapping(
      path = "/api/v1/events/{eventId}/availability/stream",
      produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @Operation(
      summary = "Server-sent events: `ready` with the current version, then `availability` changes",
      description =
          "Each change lists seats taken and freed and the places left in general-admission"
              + " sections that moved. Changes made on any instance arrive on every stream.")
  SseEmitter stream(@PathVariable UUID eventId, Authentication authentication) {
    var availability = published(eventId, authentication);
    return stream.open(new EventId(eventId), availability.version());
  }

  private Availability published(UUID eventId, Authentication authentication) {
    var id = new EventId(eventId);
    catalog
        .event(id)
        .filter(e -> e.visibleTo(CurrentAccount.of(authentication)))
        .orElseThrow(() -> new NotFound("Event", id));
    return inventory
        .availability(id)
        .orElseThrow(() -> new NotFound("Availability of event", id + " (not published)"));
  }
}
