package io.boxoffice.messaging;

import static io.boxoffice.test.TestCatalog.seated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.boxoffice.test.IntegrationTest;
import io.boxoffice.test.TcpProxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Domain events reach RabbitMQ (the broker running on the machine) through the outbox. The
 * application talks to the broker through a {@link TcpProxy} the test can cut; the test's own
 * consumer is connected directly, with a queue bound to every routing key, and — as every consumer
 * must — keeps one message per message id.
 */
@TestPropertySource(
    properties = {
      "boxoffice.broker.enabled=true",
      "boxoffice.outbox.retry-after=1s",
      "boxoffice.outbox.retry-interval=500ms"
    })
class EventRelayTest extends IntegrationTest {

  private static final String BROKER_HOST = "127.0.0.1";
  private static final int BROKER_PORT = 5672;
  private static final TcpProxy broker = TcpProxy.to(BROKER_HOST, BROKER_PORT);

  private static CachingConnectionFactory consumerConnection;
  private static RabbitTemplate consumer;
  private static String queue;
  private static final Map<String, Message> received = new ConcurrentHashMap<>();

  @DynamicPropertySource
  static void rabbit(DynamicPropertyRegistry registry) {
    registry.add("spring.rabbitmq.host", () -> BROKER_HOST);
    registry.add("spring.rabbitmq.port", broker::port);
  }

  @BeforeAll
  static void bindAQueue() {
    consumerConnection = new CachingConnectionFactory(BROKER_HOST, BROKER_PORT);
    var admin = new RabbitAdmin(consumerConnection);
    var exchange = new TopicExchange("boxoffice.events", true, false);
    admin.declareExchange(exchange);
    queue = admin.declareQueue().getName(); // server-named, exclusive, gone with the connection
    admin.declareBinding(BindingBuilder.bind(new Queue(queue)).to(exchange).with("#"));
    consumer = new RabbitTemplate(consumerConnection);
  }

  @AfterAll
  static void close() {
    consumerConnection.destroy();
    broker.close();
  }

  /** Drains the queue into {@link #received}, de-duplicated by message id. */
  private static Map<String, Message> drain() {
    Message message;
    while ((message = consumer.receive(queue)) != null) {
      received.putIfAbsent(message.getMessageProperties().getMessageId(), message);
    }
    return received;
  }

  private static JsonNode awaitMessage(String id) {
    var message =
        await().atMost(Duration.ofSeconds(20)).until(() -> drain().get(id), m -> m != null);
    return JsonMapper.shared().readTree(message.getBody());
  }

  @Test
  void aConfirmedOrderAndItsTicketsArriveOnABoundQueue() {
    var eventId =
        catalog.onSale(accounts.organizer().token(), "Carmen", "Oslo", List.of(seated("A", 1, 4)));
    var buyer = accounts.customer();
    var seat = catalog.seatIds(jdbc, eventId).get(2);
    var orderId = catalog.buy(jdbc, buyer.token(), eventId, 2, "tok_ok");

    var confirmed = awaitMessage("order.confirmed:" + orderId);
    assertThat(confirmed.get("type").asString()).isEqualTo("order.confirmed");
    assertThat(confirmed.get("orderId").asString()).isEqualTo(orderId);
    assertThat(confirmed.get("eventId").asString()).isEqualTo(eventId);
    assertThat(confirmed.get("customerId").asString())
        .isEqualTo(
            jdbc.queryForObject(
                "select id::text from app_user where email = ?", String.class, buyer.email()));
    assertThat(confirmed.get("lines")).hasSize(1);
    assertThat(confirmed.get("lines").get(0).get("seatId").asString()).isEqualTo(seat.toString());

    var issued = awaitMessage("tickets.issued:" + orderId);
    assertThat(issued.get("ticketIds")).hasSize(1);
    assertThat(issued.get("ticketIds").get(0).asString())
        .isEqualTo(
            jdbc.queryForObject(
                "select id::text from ticket where order_id = ?::uuid", String.class, orderId));

    var properties = received.get("order.confirmed:" + orderId).getMessageProperties();
    assertThat(properties.getReceivedRoutingKey()).isEqualTo("order.confirmed");
    assertThat(properties.getContentType()).isEqualTo("application/json");
    assertThat(awaitMessage("event.published:" + eventId).get("eventId").asString())
        .isEqualTo(eventId);
  }

  @Test
  void withTheBrokerUnreachableThePurchaseCompletesAndItsEventsFollowWhenItIsBack() {
    var eventId =
        catalog.onSale(accounts.organizer().token(), "Tosca", "Oslo", List.of(seated("A", 1, 4)));
    awaitMessage("event.published:" + eventId);
    var buyer = accounts.customer();

    broker.cut();
    String orderId;
    try {
      orderId = catalog.buy(jdbc, buyer.token(), eventId, 1, "tok_ok");
      catalog.awaitOrder(buyer.token(), orderId, "COMPLETED");
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> pendingRelays() == 2); // order.confirmed and tickets.issued, not sent
      assertThat(drain()).doesNotContainKey("order.confirmed:" + orderId);
    } finally {
      broker.restore();
    }

    assertThat(awaitMessage("order.confirmed:" + orderId).get("orderId").asString())
        .isEqualTo(orderId);
    assertThat(awaitMessage("tickets.issued:" + orderId).get("orderId").asString())
        .isEqualTo(orderId);
    await().atMost(Duration.ofSeconds(20)).until(() -> pendingRelays() == 0);
  }

  /** Publications to the relay that have not completed (the broker has not confirmed them). */
  private int pendingRelays() {
    return jdbc.queryForObject(
        "select count(*) from event_publication"
            + " where completion_date is null and listener_id like '%EventRelay%'",
        Integer.class);
  }
}
