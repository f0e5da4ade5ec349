package io.boxoffice.messaging.internal;

import org.springframework.amqp.core.ExchangeBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable topic exchange the events go to; declared on the broker whenever a connection opens.
 * Consumers bind their own queues (for example {@code order.*} or {@code #}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("boxoffice.broker.enabled")
class BrokerTopology {

  @Bean
  TopicExchange eventsExchange(@Value("${boxoffice.broker.exchange}") String exchange) {
    return ExchangeBuilder.topicExchange(exchange).durable(true).build();
  }
}
