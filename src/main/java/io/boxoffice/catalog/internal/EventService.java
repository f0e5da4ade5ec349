package io.boxoffice.catalog.internal;

import io.boxoffice.catalog.EventCancelled;
import io.boxoffice.catalog.EventDetails;
import io.boxoffice.catalog.EventId;
import io.boxoffice.catalog.EventPublished;
import io.boxoffice.catalog.EventStatus.Lifecycle;
import io.boxoffice.catalog.NewEvent;
import io.boxoffice.catalog.SectionKind;
import io.boxoffice.catalog.VenueId;
import io.boxoffice.identity.AccountId;
import io.boxoffice.shared.Conflict;
import io.boxoffice.shared.InvalidRequest;
import io.boxoffice.shared.NotFound;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organizer's event from draft to published or cancelled. Pricing and venue are fixed once the
 * event is published, because its inventory was made from them.
 */
@Service
class EventService {

  private final EventRepository events;
  private final VenueRepository venues;
  private final ApplicationEventPublisher publisher;
  private final Validator validator;
  private final Clock clock;

  EventService(
      EventRepository events,
      VenueRepository venues,
      ApplicationEventPublisher publisher,
      Validator validator,
      Clock clock) {
    this.events = events;
    this.venues = venues;
    this.publisher = publisher;
    this.validator = validator;
    this.clock = clock;
  }

  @Transactional
  EventId create(AccountId organizer, NewEvent request) {
    var assignments = check(organizer, request);
    var id = EventId.random();
    events.insert(id, organizer, request);
    savePricing(id, request, assignments);
    return id;
  }

  @Transactional
  void update(AccountId organizer, EventId id, EventPatch patch) {
    var event = owned(organizer, id);
    if (event.lifecycle() == Lifecycle.CANCELLED) {
      throw new Conflict("event-cancelled", "Event cancelled", "A cancelled event cannot change");
    }
    if (event.lifecycle() == Lifecycle.PUBLISHED && patch.changesPricingOrVenue()) {
      throw new Conflict(
          "event-published",
          "Event published",
          "Venue, price tiers and tier assignments are fixed once an event is published");
    }
    var merged = patch.applyTo(asRequest(event));
    var violations = validator.validate(merged);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    var assignments = check(organizer, merged);
    if (!events.update(id, event.version(), merged)) {
      throw new Conflict(
          "concurrent-edit", "Edited concurrently", "The event changed meanwhile; try again");
    }
    if (patch.changesPricingOrVenue()) {
      savePricing(id, merged, assignments);
    }
  }

  /**
   * Publishes the event. Inventory listens to {@link EventPublished} synchronously, so the event's
   * seats and general-admission counters are created in this same transaction.
   */
  @Transactional
  void publish(AccountId organizer, EventId id) {
    var event = owned(organizer, id);
    if (!event.startsAt().isAfter(clock.instant())) {
      throw new Conflict("event-in-past", "Event in the past", "This event has already started");
    }
    if (!events.transition(id, Lifecycle.DRAFT, Lifecycle.PUBLISHED, clock.instant())) {
      throw illegal(event, "publish");
    }
    publisher.publishEvent(new EventPublished(id));
  }

  @Transactional
  void cancel(AccountId organizer, EventId id) {
    var event = owned(organizer, id);
    if (event.lifecycle() == Lifecycle.CANCELLED
        || !events.transition(id, event.lifecycle(), Lifecycle.CANCELLED, clock.instant())) {
      throw illegal(event, "cancel");
    }
    publisher.publishEvent(new EventCancelled(id));
  }

  EventDetails owned(AccountId organizer, EventId id) {
    return events
        .find(id)
        .filter(e -> e.ownerId().equals(organizer))
        .orElseThrow(() -> new NotFound("Event", id));
  }

  private static Conflict illegal(EventDetails event, String action) {
    return new Conflict(
        "illegal-transition",
        "Illegal transition",
        "Cannot " + action + " an event that is " + event.lifecycle());
  }

  private void savePricing(
      EventId id, NewEvent request, List<PendingAssignment> pendingAssignments) {
    var tierIds = events.replacePricing(id, request.priceTiers());
    events.insertAssignments(
        id,
        pendingAssignments.stream()
            .map(a -> new EventRepository.Assignment(tierIds.get(a.tier()), a.section(), a.seat()))
            .toList());
  }

  private record PendingAssignment(String tier, UUID section, UUID seat) {}

  /**
   * Checks what bean constraints cannot: the venue is the organizer's, the window is coherent, the
   * tiers share one currency, assignments name known tiers, sections and seats, and every section
   * and seat ends up with exactly one price.
   */
  private List<PendingAssignment> check(AccountId organizer, NewEvent request) {
    var venue =
        venues
            .find(new VenueId(request.venueId()))
            .filter(v -> v.ownerId().equals(organizer))
            .orElseThrow(() -> new InvalidRequest("venueId", "is not a venue of yours"));
    if (!request.startsAt().isAfter(clock.instant())) {
      throw new InvalidRequest("startsAt", "must be in the future");
    }
    if (!request.onSaleAt().isBefore(request.offSale())) {
      throw new InvalidRequest("offSaleAt", "must be after onSaleAt");
    }
    var currencies = new HashSet<String>();
    var tierNames = new HashSet<String>();
    for (var tier : request.priceTiers()) {
      currencies.add(tier.currency());
      if (!tierNames.add(tier.name().strip())) {
        throw new InvalidRequest("priceTiers", "duplicate tier name " + tier.name());
      }
    }
    if (currencies.size() > 1) {
      throw new InvalidRequest("priceTiers", "all tiers of an event use one currency");
    }
    var sectionOfSeat = new HashMap<UUID, VenueRepository.StoredSection>();
    var sectionsById = new HashMap<UUID, VenueRepository.StoredSection>();
    for (var section : venue.sections()) {
      sectionsById.put(section.id(), section);
      section.seats().forEach(seat -> sectionOfSeat.put(seat.id(), section));
    }
    var pending = new ArrayList<PendingAssignment>();
    var pricedSections = new HashMap<UUID, String>();
    var pricedSeats = new HashMap<UUID, String>();
    for (int i = 0; i < request.tierAssignments().size(); i++) {
      var assignment = request.tierAssignments().get(i);
      var field = "tierAssignments[" + i + "]";
      var tier = assignment.tier().strip();
      if (!tierNames.contains(tier)) {
        throw new InvalidRequest(field + ".tier", "names no price tier: " + tier);
      }
      for (var section : nullSafe(assignment.sections())) {
        if (!sectionsById.containsKey(section)) {
          throw new InvalidRequest(field + ".sections", section + " is not a section of the venue");
        }
        if (pricedSections.put(section, tier) != null) {
          throw new InvalidRequest(field + ".sections", section + " is assigned twice");
        }
        pending.add(new PendingAssignment(tier, section, null));
      }
      for (var seat : nullSafe(assignment.seats())) {
        if (!sectionOfSeat.containsKey(seat)) {
          throw new InvalidRequest(field + ".seats", seat + " is not a seat of the venue");
        }
        if (pricedSeats.put(seat, tier) != null) {
          throw new InvalidRequest(field + ".seats", seat + " is assigned twice");
        }
        pending.add(new PendingAssignment(tier, null, seat));
      }
    }
    requireEverythingPriced(venue, pricedSections, pricedSeats);
    return pending;
  }

  private static void requireEverythingPriced(
      VenueRepository.StoredVenue venue,
      Map<UUID, String> pricedSections,
      Map<UUID, String> pricedSeats) {
    var unpriced = new ArrayList<String>();
    for (var section : venue.sections()) {
      if (pricedSections.containsKey(section.id())) {
        continue;
      }
      boolean allSeatsPriced =
          section.kind() == SectionKind.SEATED
              && section.seats().stream().allMatch(seat -> pricedSeats.containsKey(seat.id()));
      if (!allSeatsPriced) {
        unpriced.add(section.name());
      }
    }
    if (!unpriced.isEmpty()) {
      throw new InvalidRequest(
          "tierAssignments", "these sections have no price: " + String.join(", ", unpriced));
    }
  }

  private static <T> List<T> nullSafe(List<T> list) {
    return list == null ? List.of() : list;
  }

  NewEvent asRequest(EventDetails event) {
    var queue = event.queue();
    return new NewEvent(
        event.venue().id().value(),
        event.title(),
        event.performer(),
        event.description(),
        event.startsAt(),
        event.onSaleAt(),
        event.offSaleAt(),
        event.priceTiers().stream()
            .map(t -> new NewEvent.Tier(t.name(), t.price().amount(), t.price().currency()))
            .toList(),
        events.assignmentsByTierName(event.id()),
        (int) event.holdTtl().toSeconds(),
        event.maxTicketsPerCustomer(),
        new NewEvent.Queue(
            queue.enabled(),
            queue.opensAt(),
            queue.admissionRatePerMinute(),
            queue.maxActiveShoppers(),
            queue.admissionTokenTtlSeconds()),
        event.customerCancellationHours());
  }
}
