package io.boxoffice.catalog.internal;

import io.boxoffice.catalog.EventId;
import io.boxoffice.catalog.NewEvent;
import io.boxoffice.catalog.NewVenue;
import io.boxoffice.catalog.Organizing;
import io.boxoffice.catalog.VenueId;
import io.boxoffice.catalog.VenueSection;
import io.boxoffice.identity.AccountId;
import io.boxoffice.shared.NotFound;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

@Service
@Validated
class OrganizingService implements Organizing {

  private final VenueRepository venues;
  private final EventService events;

  OrganizingService(VenueRepository venues, EventService events) {
    this.venues = venues;
    this.events = events;
  }

  @Override
  @Transactional
  public VenueId createVenue(AccountId organizer, NewVenue venue) {
    var layout = Layout.of(venue);
    return venues.insert(
        organizer, venue.name().strip(), venue.city().strip(), venue.address(), layout);
  }

  @Override
  public EventId createEvent(AccountId organizer, NewEvent event) {
    return events.create(organizer, event);
  }

  @Override
  public void publish(AccountId organizer, EventId event) {
    events.publish(organizer, event);
  }

  @Override
  public List<VenueId> venuesOf(AccountId organizer) {
    return venues.findByOwner(organizer).stream().map(VenueRepository.StoredVenue::id).toList();
  }

  @Override
  public List<VenueSection> sections(AccountId organizer, VenueId venue) {
    return venues
        .find(venue)
        .filter(v -> v.ownerId().equals(organizer))
        .orElseThrow(() -> new NotFound("Venue", venue))
        .sections()
        .stream()
        .map(
            s ->
                new VenueSection(
                    s.id(),
                    s.name(),
                    s.kind(),
                    s.capacity() != null ? s.capacity() : s.seats().size()))
        .toList();
  }
}
