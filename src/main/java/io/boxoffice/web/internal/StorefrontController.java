package io.boxoffice.web.internal;

import io.boxoffice.catalog.Catalog;
import io.boxoffice.catalog.EventId;
import io.boxoffice.catalog.EventQuery;
import io.boxoffice.catalog.SeatMap;
import io.boxoffice.catalog.StockLevels;
import io.boxoffice.identity.CurrentAccount;
import io.boxoffice.inventory.Inventory;
import io.boxoffice.shared.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public storefront: the listing of upcoming events with a search form, and an event's page
 * with its seat map. Reads through the catalog and inventory APIs and hands the templates
 * view-model records, never domain types.
 */
@Controller
class StorefrontController {

  /** One page of results for now; paging comes with a larger catalog. */
  private static final int PAGE_SIZE = 50;

  private final Catalog catalog;
  private final StockLevels stock;
  private final Inventory inventory;
  private final Formats formats;
  private final Clock clock;

  StorefrontController(
      Catalog catalog, StockLevels stock, Inventory inventory, Formats formats, Clock clock) {
    this.catalog = catalog;
    this.stock = stock;
    this.inventory = inventory;
    this.formats = formats;
    this.clock = clock;
  }

  @GetMapping("/")
  String home(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String city,
      @RequestParam(required = false) LocalDate from,
      @RequestParam(required = false) LocalDate to,
      Model model) {
    var now = clock.instant();
    var text = blankToNull(q);
    var place = blankToNull(city);
    // past events are never listed; "to" includes the whole day
    var start = from == null ? now : max(now, from.atStartOfDay(formats.zone()).toInstant());
    var end = to == null ? null : to.plusDays(1).atStartOfDay(formats.zone()).toInstant();
    var page = catalog.search(new EventQuery(text, start, end, place, 0, PAGE_SIZE));
    var levels = stock.of(page.items().stream().map(e -> e.id()).toList());
    model.addAttribute("page", HomeView.of(text, place, from, to, page, levels, now, formats));
    return "home";
  }

  /**
   * Drafts answer 404 to everyone but their organizer, exactly like an unknown id, so the page does
   * not reveal that an unpublished event exists. The id is parsed here rather than bound as a
   * {@link UUID} so that a malformed one is a 404 page too, not a 400.
   */
  @GetMapping("/events/{id}")
  String event(@PathVariable String id, Authentication authentication, Model model) {
    var eventId = parse(id).orElseThrow(() -> new NotFound("Event", id));
    var event =
        catalog
            .event(eventId)
            .filter(e -> e.visibleTo(CurrentAccount.of(authentication)))
            .orElseThrow(() -> new NotFound("Event", id));
    var map = catalog.seatMap(eventId).orElseThrow(() -> new NotFound("Event", id));
    var level = stock.of(List.of(eventId)).getOrDefault(eventId, StockLevels.Stock.NONE);
    var view =
        EventView.of(event, map, inventory.availability(eventId), level, clock.instant(), formats);
    model.addAttribute("page", view);
    return "event";
  }

  /** The list view of one section's seats, for venues too large to list at once. */
  @GetMapping("/events/{id}/sections/{section}/seats")
  String sectionSeats(
      @PathVariable String id,
      @PathVariable UUID section,
      Authentication authentication,
      Model model) {
    var eventId = parse(id).orElseThrow(() -> new NotFound("Event", id));
    var event =
        catalog
            .event(eventId)
            .filter(e -> e.visibleTo(CurrentAccount.of(authentication)))
            .orElseThrow(() -> new NotFound("Event", id));
    var map = catalog.seatMap(eventId).orElseThrow(() -> new NotFound("Event", id));
    var one =
        new SeatMap(
            map.eventId(),
            map.version(),
            map.sections().stream().filter(s -> s.id().equals(section)).toList());
    if (one.sections().isEmpty()) {
      throw new NotFound("Section", section);
    }
    var level = stock.of(List.of(eventId)).getOrDefault(eventId, StockLevels.Stock.NONE);
    model.addAttribute(
        "page",
        EventView.of(event, one, inventory.availability(eventId), level, clock.instant(), formats));
    return "event :: seat-list";
  }

  private static Optional<EventId> parse(String id) {
    try {
      return Optional.of(new EventId(UUID.fromString(id)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
