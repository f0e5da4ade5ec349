/**
 * Inventory: each event's seats ({@code event_seat}) and general-admission counters ({@code
 * ga_inventory}), created when the event is published; later, holds, expiry and per-customer
 * limits. Answers availability and implements the catalog's {@link
 * io.boxoffice.catalog.StockLevels}. Calls {@code catalog} and {@code shared}; never {@code
 * checkout}.
 */
@ApplicationModule(allowedDependencies = {"catalog", "identity", "shared"})
package io.boxoffice.inventory;

import org.springframework.modulith.ApplicationModule;
