package io.boxoffice.inventory;

import io.boxoffice.catalog.EventId;

/** A hold's seats or places came back before it was paid, or after a refund. */
public record HoldReleased(HoldId holdId, EventId eventId, int quantity) {}
