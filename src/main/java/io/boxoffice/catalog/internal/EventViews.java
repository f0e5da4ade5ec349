package io.boxoffice.catalog.internal;

import io.boxoffice.catalog.EventDetails;
import io.boxoffice.catalog.EventStatus;
import io.boxoffice.catalog.EventSummary;
import io.boxoffice.catalog.PriceTier;
import io.boxoffice.catalog.SectionKind;
import io.boxoffice.catalog.StockLevels.Stock;
import io.boxoffice.shared.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The JSON shapes of events in the API. */
final class EventViews {

  private EventViews() {}

  record VenueView(UUID id, String name, String city, String address) {
    static VenueView of(EventDetails.Venue venue) {
      return new VenueView(venue.id().value(), venue.name(), venue.city(), venue.address());
    }
  }

  record PriceRange(Money min, Money max) {}

  record AvailabilityView(int total, int remaining, String level) {
    static AvailabilityView of(Stock stock) {
      var level = stock.soldOut() ? "SOLD_OUT" : stock.fewLeft() ? "FEW_LEFT" : "AVAILABLE";
      return new AvailabilityView(stock.total(), stock.remaining(), level);
    }
  }

  record Summary(
      UUID id,
      String title,
      String performer,
      EventStatus status,
      Instant startsAt,
      Instant onSaleAt,
      Instant offSaleAt,
      VenueView venue,
      PriceRange priceRange,
      AvailabilityView availability) {

    static Summary of(EventSummary event, Stock stock, Instant now) {
      return new Summary(
          event.id().value(),
          event.title(),
          event.performer(),
          event.status(now, stock.soldOut()),
          event.startsAt(),
          event.onSaleAt(),
          event.offSaleAt(),
          VenueView.of(event.venue()),
          event.minPrice() == null ? null : new PriceRange(event.minPrice(), event.maxPrice()),
          AvailabilityView.of(stock));
    }
  }

  record Page(List<Summary> items, int page, int size, long totalItems, int totalPages) {}

  record TierView(UUID id, String name, Money price, int rank) {
    static TierView of(PriceTier tier) {
      return new TierView(tier.id(), tier.name(), tier.price(), tier.rank());
    }
  }

  record SectionView(UUID id, String name, SectionKind kind, int capacity, UUID tierId) {
    static SectionView of(EventDetails.Section section) {
      return new SectionView(
          section.id(), section.name(), section.kind(), section.capacity(), section.tierId());
    }
  }

  record Details(
      UUID id,
      String title,
      String performer,
      String description,
      EventStatus status,
      Instant startsAt,
      Instant onSaleAt,
      Instant offSaleAt,
      VenueView venue,
      List<SectionView> sections,
      List<TierView> priceTiers,
      long holdTtlSeconds,
      int maxTicketsPerCustomer,
      EventDetails.QueueSettings queue,
      AvailabilityView availability,
      int version,
      Integer customerCancellationHours) {

    static Details of(EventDetails event, Stock stock, Instant now) {
      return new Details(
          event.id().value(),
          event.title(),
          event.performer(),
          event.description(),
          event.status(now, stock.soldOut()),
          event.startsAt(),
          event.onSaleAt(),
          event.offSaleAt(),
          VenueView.of(event.venue()),
          event.sections().stream().map(SectionView::of).toList(),
          event.priceTiers().stream().map(TierView::of).toList(),
          event.holdTtl().toSeconds(),
          event.maxTicketsPerCustomer(),
          event.queue(),
          AvailabilityView.of(stock),
          event.version(),
          event.customerCancellationHours());
    }
  }
}
