package io.boxoffice.inventory;

import io.boxoffice.catalog.EventId;

/** A hold was granted. */
public record HoldPlaced(HoldId holdId, EventId eventId, int quantity) {}
