package io.boxoffice.catalog.internal;

import io.boxoffice.catalog.NewVenue;
import io.boxoffice.catalog.Organizing;
import io.boxoffice.catalog.SectionKind;
import io.boxoffice.catalog.VenueId;
import io.boxoffice.identity.AccountId;
import io.boxoffice.identity.CurrentAccount;
import io.boxoffice.shared.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Organizers create venues with their layouts and read back their own. */
@RestController
@RequestMapping("/api/v1/venues")
@PreAuthorize("hasRole('ORGANIZER')")
@Tag(name = "Venues", description = "Venues and seat maps (organizers)")
class VenueController {

  record VenueView(
      UUID id,
      String name,
      String city,
      String address,
      int seatCount,
      List<SectionView> sections) {

    static VenueView of(VenueRepository.StoredVenue venue) {
      var sections = venue.sections().stream().map(SectionView::of).toList();
      return new VenueView(
          venue.id().value(),
          venue.name(),
          venue.city(),
          venue.address(),
          sections.stream().mapToInt(s -> s.seats().size()).sum(),
          sections);
    }
  }

  record SectionView(UUID id, String name, SectionKind kind, int capacity, List<SeatView> seats) {

    static SectionView of(VenueRepository.StoredSection section) {
      var seats = section.seats().stream().map(SeatView::of).toList();
      int capacity = section.capacity() != null ? section.capacity() : seats.size();
      return new SectionView(section.id(), section.name(), section.kind(), capacity, seats);
    }
  }

  record SeatView(
      UUID id,
      String row,
      String number,
      double x,
      double y,
      boolean accessible,
      boolean companion,
      boolean restrictedView) {

    static SeatView of(VenueRepository.StoredSeat seat) {
      return new SeatView(
          seat.id(),
          seat.row(),
          seat.number(),
          seat.x(),
          seat.y(),
          seat.accessible(),
          seat.companion(),
          seat.restrictedView());
    }
  }

  private final VenueRepository venues;
  private final Organizing organizing;

  VenueController(VenueRepository venues, Organizing organizing) {
    this.venues = venues;
    this.organizing = organizing;
  }

  @PostMapping
  @Operation(summary = "Create a venue with its layout, given seat by seat or generated")
  ResponseEntity<VenueView> create(
      @Valid @RequestBody NewVenue request, Authentication authentication) {
    var id = organizing.createVenue(CurrentAccount.require(authentication), request);
    var venue = venues.find(id).orElseThrow();
    return ResponseEntity.created(URI.create("/api/v1/venues/" + id)).body(VenueView.of(venue));
  }

  @GetMapping("/{venueId}")
  @Operation(summary = "A venue of yours with every section and seat")
  VenueView get(@PathVariable UUID venueId, Authentication authentication) {
    return VenueView.of(owned(new VenueId(venueId), CurrentAccount.require(authentication)));
  }

  @GetMapping
  @Operation(summary = "Your venues")
  List<VenueView> mine(Authentication authentication) {
    return venues.findByOwner(CurrentAccount.require(authentication)).stream()
        .map(VenueView::of)
        .toList();
  }

  private VenueRepository.StoredVenue owned(VenueId id, AccountId caller) {
    return venues
        .find(id)
        .filter(v -> v.ownerId().equals(caller))
        .orElseThrow(() -> new NotFound("Venue", id));
  }
}
