package io.boxoffice.ticketing;

import io.boxoffice.catalog.EventId;
import io.boxoffice.checkout.OrderId;
import io.boxoffice.identity.AccountId;
import java.util.List;
import java.util.UUID;

/** The tickets of a confirmed order exist; published in the transaction that issued them. */
public record TicketsIssued(
    OrderId orderId, EventId eventId, AccountId holderId, List<UUID> ticketIds) {}
