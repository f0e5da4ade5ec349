package io.boxoffice.checkout;

import io.boxoffice.catalog.EventId;
import io.boxoffice.identity.AccountId;
import io.boxoffice.inventory.HoldId;
import io.boxoffice.shared.Money;
import java.time.Instant;

/** A purchase of one hold. */
public record Order(
    OrderId id,
    AccountId customerId,
    EventId eventId,
    HoldId holdId,
    OrderStatus status,
    Money total,
    int quantity,
    String provider,
    int attempt,
    String providerRef,
    String failureReason,
    int captureAttempts,
    Instant createdAt,
    Instant updatedAt) {}
