/**
 * Catalog: venues and their seat maps (sections, rows, seats with coordinates and attributes),
 * events with their price tiers and on-sale windows, and search. Owns {@code venue}, {@code
 * section}, {@code seat}, {@code event}, {@code price_tier}, {@code tier_assignment}. Publishing an
 * event announces {@link io.boxoffice.catalog.EventPublished}, on which the inventory module
 * materialises the event's seats in the same transaction. Calls {@code identity} (who is the
 * organizer) and {@code shared}.
 */
@ApplicationModule(allowedDependencies = {"identity", "shared"})
package io.boxoffice.catalog;

import org.springframework.modulith.ApplicationModule;
