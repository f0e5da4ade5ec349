package io.boxoffice.catalog;

import io.boxoffice.identity.AccountId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Everything about one event except its seats: see {@link SeatMap} for those. */
public record EventDetails(
    EventId id,
    AccountId ownerId,
    Venue venue,
    String title,
    String performer,
    String description,
    Instant startsAt,
    Instant onSaleAt,
    Instant offSaleAt,
    EventStatus.Lifecycle lifecycle,
    Duration holdTtl,
    int maxTicketsPerCustomer,
    QueueSettings queue,
    List<PriceTier> priceTiers,
    List<Section> sections,
    int version,
    Integer customerCancellationHours) {

  public record Venue(VenueId id, String name, String city, String address) {}

  /**
   * A section of the venue as priced for this event.
   *
   * @param tierId the section's tier, or null when its seats are priced one by one
   * @param capacity seats in a seated section, places in a general-admission one
   */
  public record Section(
      UUID id, String name, SectionKind kind, int capacity, UUID tierId, int sortOrder) {}

  /** Waiting-room settings; disabled unless the organizer turns the queue on. */
  public record QueueSettings(
      boolean enabled,
      Instant opensAt,
      Integer admissionRatePerMinute,
      Integer maxActiveShoppers,
      Integer admissionTokenTtlSeconds) {

    public static QueueSettings disabled() {
      return new QueueSettings(false, null, null, null, null);
    }
  }

  public EventStatus status(Instant now, boolean soldOut) {
    return EventStatus.derive(lifecycle, onSaleAt, offSaleAt, now, soldOut);
  }

  /** Drafts are visible to their organizer only; everything else to everyone. */
  public boolean visibleTo(Optional<AccountId> caller) {
    return lifecycle != EventStatus.Lifecycle.DRAFT || caller.filter(ownerId::equals).isPresent();
  }

  public Optional<PriceTier> tier(UUID tierId) {
    return priceTiers.stream().filter(t -> t.id().equals(tierId)).findFirst();
  }
}
