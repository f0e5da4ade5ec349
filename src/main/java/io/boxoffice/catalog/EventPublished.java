package io.boxoffice.catalog;

/**
 * An event went from draft to published. Delivered synchronously inside the publishing transaction,
 * so the inventory exists exactly when the event is visible.
 */
public record EventPublished(EventId eventId) {}
