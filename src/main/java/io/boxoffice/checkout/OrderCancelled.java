package io.boxoffice.checkout;

import io.boxoffice.catalog.EventId;

/**
 * A confirmed order was undone (capture failed for good, refunded, or the event was cancelled): its
 * tickets are void. Heard synchronously by ticketing.
 */
public record OrderCancelled(
    OrderId orderId, EventId eventId, io.boxoffice.identity.AccountId customerId, String reason) {}
