package io.boxoffice.inventory;

import io.boxoffice.catalog.EventId;

/** A hold was not paid in time; its seats or places came back. */
public record HoldExpired(HoldId holdId, EventId eventId, int quantity) {}
