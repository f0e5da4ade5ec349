package io.boxoffice.web.internal;

import io.boxoffice.catalog.Catalog;
import io.boxoffice.catalog.EventId;
import io.boxoffice.catalog.EventQuery;
import io.boxoffice.catalog.Organizing;
import io.boxoffice.catalog.VenueId;
import io.boxoffice.identity.CurrentAccount;
import io.boxoffice.shared.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organizer's box office ({@code ORGANIZER}): create a venue with a live preview, set up and
 * publish an event, watch its sale. Like the customer pages, the forms post to the public API.
 */
@Controller
class BoxOfficePages {

  private final Catalog catalog;
  private final Organizing organizing;
  private final Formats formats;
  private final Clock clock;

  BoxOfficePages(Catalog catalog, Organizing organizing, Formats formats, Clock clock) {
    this.catalog = catalog;
    this.organizing = organizing;
    this.formats = formats;
    this.clock = clock;
  }

  record EventLine(String id, String title, String when) {}

  @GetMapping("/box-office")
  String home(Authentication authentication, Model model) {
    var organizer = CurrentAccount.require(authentication);
    var events =
        catalog.search(new EventQuery(null, Instant.EPOCH, null, null, 0, 100)).items().stream()
            .map(summary -> catalog.event(summary.id()).orElseThrow())
            .filter(event -> event.ownerId().equals(organizer))
            .map(e -> new EventLine(e.id().toString(), e.title(), formats.dateTime(e.startsAt())))
            .toList();
    model.addAttribute("events", events);
    return "box-office/home";
  }

  @GetMapping("/box-office/venues/new")
  String newVenue() {
    return "box-office/venue";
  }

  @GetMapping("/box-office/events/new")
  String newEvent(@RequestParam UUID venue, Authentication authentication, Model model) {
    var organizer = CurrentAccount.require(authentication);
    var sections = organizing.sections(organizer, new VenueId(venue));
    model.addAttribute("venueId", venue);
    model.addAttribute("sections", sections);
    model.addAttribute("now", clock.instant());
    return "box-office/event";
  }

  @GetMapping("/box-office/events/{id}")
  String dashboard(@PathVariable UUID id, Authentication authentication, Model model) {
    var organizer = CurrentAccount.require(authentication);
    var event =
        catalog
            .event(new EventId(id))
            .filter(e -> e.ownerId().equals(organizer))
            .orElseThrow(() -> new NotFound("Event", id));
    model.addAttribute("event", event);
    model.addAttribute("when", formats.dateTime(event.startsAt()));
    return "box-office/dashboard";
  }
}
