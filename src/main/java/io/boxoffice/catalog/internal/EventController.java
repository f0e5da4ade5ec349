package io.boxoffice.catalog.internal;

import io.boxoffice.catalog.Catalog;
import io.boxoffice.catalog.EventDetails;
import io.boxoffice.catalog.EventId;
import io.boxoffice.catalog.EventQuery;
import io.boxoffice.catalog.NewEvent;
import io.boxoffice.catalog.SeatMap;
import io.boxoffice.catalog.StockLevels;
import io.boxoffice.identity.CurrentAccount;
import io.boxoffice.shared.InvalidRequest;
import io.boxoffice.shared.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** Events: public search and details, organizer set-up and publishing. */
@RestController
@Validated
@RequestMapping("/api/v1/events")
@Tag(name = "Events", description = "Search, details, seat maps; set-up by organizers")
class EventController {

  record SeatMapView(UUID eventId, int version, int seatCount, List<SeatMap.Section> sections) {}

  private final Catalog catalog;
  private final EventService events;
  private final StockLevels stock;
  private final Clock clock;

  EventController(Catalog catalog, EventService events, StockLevels stock, Clock clock) {
    this.catalog = catalog;
    this.events = events;
    this.stock = stock;
    this.clock = clock;
  }

  @GetMapping
  @Operation(summary = "Search published events, soonest first")
  EventViews.Page search(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to,
      @RequestParam(required = false) String city,
      @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    if (from != null && to != null && !from.isBefore(to)) {
      throw new InvalidRequest("to", "must be after from");
    }
    var result = catalog.search(new EventQuery(q, from, to, city, page, size));
    var levels = stock.of(result.items().stream().map(e -> e.id()).toList());
    var now = clock.instant();
    var items =
        result.items().stream()
            .map(
                e ->
                    EventViews.Summary.of(
                        e, levels.getOrDefault(e.id(), StockLevels.Stock.NONE), now))
            .toList();
    return new EventViews.Page(
        items, result.page(), result.size(), result.totalItems(), result.totalPages());
  }

  @GetMapping("/{eventId}")
  @Operation(summary = "An event with its venue, sections, price tiers and settings")
  EventViews.Details get(@PathVariable UUID eventId, Authentication authentication) {
    return details(visible(new EventId(eventId), authentication));
  }

  @GetMapping("/{eventId}/seatmap")
  @Operation(summary = "Static seat geometry with each seat's tier; cache it by its ETag")
  ResponseEntity<SeatMapView> seatMap(
      @PathVariable UUID eventId, Authentication authentication, WebRequest request) {
    var event = visible(new EventId(eventId), authentication);
    var etag = "\"seatmap-" + eventId + "-v" + event.version() + "\"";
    if (request.checkNotModified(etag)) {
      return null;
    }
    var map = catalog.seatMap(event.id()).orElseThrow(() -> new NotFound("Event", eventId));
    var cache =
        event.lifecycle() == io.boxoffice.catalog.EventStatus.Lifecycle.DRAFT
            ? CacheControl.noStore()
            : CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();
    return ResponseEntity.ok()
        .eTag(etag)
        .cacheControl(cache)
        .body(new SeatMapView(eventId, map.version(), map.seatCount(), map.sections()));
  }

  @PostMapping
  @PreAuthorize("hasRole('ORGANIZER')")
  @Operation(summary = "Create an event (DRAFT) at one of your venues")
  ResponseEntity<EventViews.Details> create(
      @Valid @RequestBody NewEvent request, Authentication authentication) {
    var id = events.create(CurrentAccount.require(authentication), request);
    return ResponseEntity.created(URI.create("/api/v1/events/" + id))
        .body(details(catalog.event(id).orElseThrow()));
  }

  @PatchMapping("/{eventId}")
  @PreAuthorize("hasRole('ORGANIZER')")
  @Operation(summary = "Edit an event: anything while DRAFT, not venue or pricing once published")
  EventViews.Details update(
      @PathVariable UUID eventId,
      @Valid @RequestBody EventPatch patch,
      Authentication authentication) {
    var id = new EventId(eventId);
    events.update(CurrentAccount.require(authentication), id, patch);
    return details(catalog.event(id).orElseThrow());
  }

  @PostMapping("/{eventId}/publish")
  @PreAuthorize("hasRole('ORGANIZER')")
  @Operation(summary = "Publish a draft: its seats and counters are created in one transaction")
  EventViews.Details publish(@PathVariable UUID eventId, Authentication authentication) {
    var id = new EventId(eventId);
    events.publish(CurrentAccount.require(authentication), id);
    return details(catalog.event(id).orElseThrow());
  }

  @PostMapping("/{eventId}/cancel")
  @PreAuthorize("hasRole('ORGANIZER')")
  @Operation(summary = "Call an event off")
  EventViews.Details cancel(@PathVariable UUID eventId, Authentication authentication) {
    var id = new EventId(eventId);
    events.cancel(CurrentAccount.require(authentication), id);
    return details(catalog.event(id).orElseThrow());
  }

  private EventDetails visible(EventId id, Authentication authentication) {
    return catalog
        .event(id)
        .filter(e -> e.visibleTo(CurrentAccount.of(authentication)))
        .orElseThrow(() -> new NotFound("Event", id));
  }

  private EventViews.Details details(EventDetails event) {
    var level = stock.of(List.of(event.id())).getOrDefault(event.id(), StockLevels.Stock.NONE);
    return EventViews.Details.of(event, level, clock.instant());
  }
}
