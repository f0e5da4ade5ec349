package io.boxoffice.messaging.internal;

import io.boxoffice.catalog.EventCancelled;
import io.boxoffice.catalog.EventPublished;
import io.boxoffice.checkout.OrderCancelled;
import io.boxoffice.checkout.OrderConfirmed;
import io.boxoffice.inventory.HoldExpired;
import io.boxoffice.ticketing.TicketsIssued;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes domain events to the broker after their transaction committed. Each listener runs from
 * the event publication registry: it returns only once the broker confirmed the message, so a
 * publication completes only when the event is safely on the broker. If the broker is down or
 * refuses, the listener fails, the publication stays incomplete, and the outbox retry job publishes
 * it again later — at least once, with the same message id, never lost.
 */
@Component
@ConditionalOnBooleanProperty("boxoffice.broker.enabled")
class EventRelay {

  private final RabbitTemplate rabbit;
  private final JsonMapper json;
  private final String exchange;
  private final Duration confirmTimeout;

  EventRelay(
      RabbitTemplate rabbit,
      JsonMapper json,
      @Value("${boxoffice.broker.exchange}") String exchange,
      @Value("${boxoffice.broker.confirm-timeout}") Duration confirmTimeout) {
    this.rabbit = rabbit;
    this.json = json;
    this.exchange = exchange;
    this.confirmTimeout = confirmTimeout;
  }

  @ApplicationModuleListener
  void on(OrderConfirmed event) {
    publish(BrokerMessage.of(event));
  }

  @ApplicationModuleListener
  void on(OrderCancelled event) {
    publish(BrokerMessage.of(event));
  }

  @ApplicationModuleListener
  void on(TicketsIssued event) {
    publish(BrokerMessage.of(event));
  }

  @ApplicationModuleListener
  void on(HoldExpired event) {
    publish(BrokerMessage.of(event));
  }

  @ApplicationModuleListener
  void on(EventPublished event) {
    publish(BrokerMessage.of(event));
  }

  @ApplicationModuleListener
  void on(EventCancelled event) {
    publish(BrokerMessage.of(event));
  }

  private void publish(BrokerMessage message) {
    var properties = new MessageProperties();
    properties.setMessageId(message.id());
    properties.setType(message.routingKey());
    properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
    properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
    properties.setTimestamp(Date.from(Instant.now()));
    properties.setAppId("boxoffice");
    var amqp = new Message(json.writeValueAsBytes(message.body()), properties);
    rabbit.invoke(
        channel -> {
          channel.send(exchange, message.routingKey(), amqp);
          channel.waitForConfirmsOrDie(confirmTimeout.toMillis());
          return null;
        });
  }
}
