/**
 * Messaging: relays domain events from the outbox (the event publication registry) to RabbitMQ,
 * topic exchange {@code boxoffice.events}, when {@code boxoffice.broker.enabled}. Each event
 * becomes one JSON message with a stable {@code message_id} (the event id), so consumers
 * de-duplicate redeliveries. Without a broker, events are only delivered in-process. Reads the
 * events of {@code catalog}, {@code inventory}, {@code checkout} and {@code ticketing}.
 */
@ApplicationModule(
    allowedDependencies = {"catalog", "inventory", "checkout", "ticketing", "identity", "shared"})
package io.boxoffice.messaging;

import org.springframework.modulith.ApplicationModule;
