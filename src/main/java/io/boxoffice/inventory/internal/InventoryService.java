package io.boxoffice.inventory.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.boxoffice.catalog.Catalog;
import io.boxoffice.catalog.EventId;
import io.boxoffice.catalog.EventPublished;
import io.boxoffice.catalog.StockLevels;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
class InventoryService implements StockLevels {

  private static final Logger log = LoggerFactory.getLogger(InventoryService.class);

  /** How old a shown stock level may be. */
  static final Duration STOCK_FRESHNESS = Duration.ofSeconds(1);

  private final InventoryRepository repository;
  private final Catalog catalog;
  private final Cache<EventId, Stock> stock =
      Caffeine.newBuilder().expireAfterWrite(STOCK_FRESHNESS).maximumSize(10_000).build();

  InventoryService(InventoryRepository repository, Catalog catalog) {
    this.repository = repository;
    this.catalog = catalog;
  }

  /**
   * Synchronous on purpose: it runs inside the publishing transaction, so an event is never visible
   * as published without its inventory, and a failure here un-publishes it.
   */
  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(EventPublished published) {
    var plan = catalog.inventoryPlan(published.eventId());
    repository.materialise(plan);
    log.info(
        "inventory of event {}: {} seats, {} general-admission areas",
        published.eventId(),
        plan.seats().size(),
        plan.areas().size());
  }

  /**
   * Stock levels are for showing (an event's status, "few left", what remains): read at most once a
   * second per event and instance. Every event page and search result asks, and each read counts
   * the event's sold and held seats (up to 50,000 in a stadium); holds never rely on these numbers.
   */
  @Override
  @Transactional(readOnly = true)
  public Map<EventId, Stock> of(Collection<EventId> events) {
    return events.isEmpty()
        ? Map.of()
        : stock.getAll(events, missing -> repository.stock(Set.copyOf(missing)));
  }
}
