package io.boxoffice.catalog;

/** The organizer called an event off; checkout refunds its orders when it hears this. */
public record EventCancelled(EventId eventId) {}
