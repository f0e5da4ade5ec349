package io.boxoffice.inventory;

import io.boxoffice.catalog.EventId;

/** A hold was paid: its seats are sold. */
public record HoldConfirmed(HoldId holdId, EventId eventId, int quantity) {}
