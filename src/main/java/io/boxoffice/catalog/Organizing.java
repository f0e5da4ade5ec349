package io.boxoffice.catalog;

import io.boxoffice.identity.AccountId;
import jakarta.validation.Valid;
import java.util.List;

/** The catalog's API for setting up sales: what organizers do, callable from other modules too. */
public interface Organizing {

  VenueId createVenue(AccountId organizer, @Valid NewVenue venue);

  /** Creates a DRAFT event at one of the organizer's venues. */
  EventId createEvent(AccountId organizer, @Valid NewEvent event);

  /** Publishes a draft and materialises its inventory in the same transaction. */
  void publish(AccountId organizer, EventId event);

  List<VenueId> venuesOf(AccountId organizer);

  /** The sections of one of the organizer's venues, in layout order. */
  List<VenueSection> sections(AccountId organizer, VenueId venue);
}
