package io.boxoffice.catalog.internal;

import io.boxoffice.catalog.Catalog;
import io.boxoffice.catalog.EventDetails;
import io.boxoffice.catalog.EventId;
import io.boxoffice.catalog.EventPage;
import io.boxoffice.catalog.EventQuery;
import io.boxoffice.catalog.InventoryPlan;
import io.boxoffice.catalog.SaleTerms;
import io.boxoffice.catalog.SeatMap;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class CatalogService implements Catalog {

  private final EventRepository events;
  private final EventSearch search;
  private final SeatMapQueries seatMaps;

  CatalogService(EventRepository events, EventSearch search, SeatMapQueries seatMaps) {
    this.events = events;
    this.search = search;
    this.seatMaps = seatMaps;
  }

  @Override
  public Optional<EventDetails> event(EventId id) {
    return events.find(id);
  }

  @Override
  public EventPage search(EventQuery query) {
    return search.search(query);
  }

  @Override
  public Optional<SeatMap> seatMap(EventId id) {
    return events.find(id).map(event -> seatMaps.seatMap(id, event.version()));
  }

  @Override
  public java.util.List<EventId> onSale(java.time.Instant now) {
    return events.onSale(now);
  }

  @Override
  public Optional<SaleTerms> saleTerms(EventId id) {
    return events.saleTerms(id);
  }

  @Override
  public java.util.Map<java.util.UUID, String> placeLabels(
      java.util.Collection<java.util.UUID> seatsOrSections) {
    return seatsOrSections.isEmpty() ? java.util.Map.of() : events.placeLabels(seatsOrSections);
  }

  @Override
  public InventoryPlan inventoryPlan(EventId id) {
    return seatMaps.inventoryPlan(id);
  }
}
