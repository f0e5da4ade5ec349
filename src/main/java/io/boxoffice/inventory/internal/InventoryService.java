package io.boxoffice.inventory.internal;

import io.boxoffice.catalog.Catalog;
import io.boxoffice.catalog.EventId;
import io.boxoffice.catalog.EventPublished;
import io.boxoffice.catalog.StockLevels;
import java.util.Collection;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
class InventoryService implements StockLevels {

  private static final Logger log = LoggerFactory.getLogger(InventoryService.class);

  private final InventoryRepository repository;
  private final Catalog catalog;

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

  @Override
  @Transactional(readOnly = true)
  public Map<EventId, Stock> of(Collection<EventId> events) {
    return events.isEmpty() ? Map.of() : repository.stock(events);
  }
}
