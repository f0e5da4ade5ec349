package io.boxoffice.notification;

import static io.boxoffice.test.TestCatalog.seated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.boxoffice.test.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** Mail through a real SMTP server (GreenMail on loopback), sent after the purchase commits. */
@TestPropertySource(
    properties = {"boxoffice.outbox.retry-after=1s", "boxoffice.outbox.retry-interval=1s"})
class OrderMailsTest extends IntegrationTest {

  /** A fixed free port: the server is stopped and started again on it in the outage test. */
  private static final ServerSetup SMTP =
      new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

  @RegisterExtension
  static final GreenMailExtension mail =
      new GreenMailExtension(SMTP)
          .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
          .withPerMethodLifecycle(false);

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", SMTP::getPort);
  }

  private static int freePort() {
    try (var socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String buy(String customer, String eventId, int seat) {
    return catalog.buy(jdbc, customer, eventId, seat, "tok_ok");
  }

  @Test
  void theBuyerGetsTheirTicketsByMailAndLaterARefundNotice() throws Exception {
    var organizer = accounts.organizer().token();
    var eventId = catalog.onSale(organizer, "Carmen", "Oslo", List.of(seated("Stalls", 1, 4)));
    var buyer = accounts.customer();
    var orderId = buy(buyer.token(), eventId, 0);

    var confirmation =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> mailTo(buyer.email(), "Your tickets for Carmen"),
                java.util.Optional::isPresent)
            .orElseThrow();
    assertThat(GreenMailUtil.getBody(confirmation))
        .contains("Stalls, row A, seat 1")
        .contains("/ticket.pdf");

    catalog.awaitOrder(buyer.token(), orderId, "COMPLETED");
    api.post("/api/v1/orders/" + orderId + "/refund", organizer, Map.of());
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> mailTo(buyer.email(), "Your order for Carmen was cancelled").isPresent());
  }

  /** The message with this subject to this address, if it has arrived (other tests' mail too). */
  private static java.util.Optional<jakarta.mail.internet.MimeMessage> mailTo(
      String address, String subject) {
    return java.util.Arrays.stream(mail.getReceivedMessages())
        .filter(
            m -> {
              try {
                return subject.equals(m.getSubject())
                    && address.equals(m.getAllRecipients()[0].toString());
              } catch (jakarta.mail.MessagingException e) {
                return false;
              }
            })
        .findFirst();
  }

  @Test
  void anSmtpOutageDelaysTheMailNotThePurchase() throws Exception {
    var eventId =
        catalog.onSale(
            accounts.organizer().token(), "Tosca", "Oslo", List.of(seated("Stalls", 1, 4)));
    var buyer = accounts.customer();
    mail.stop();
    try {
      var orderId = buy(buyer.token(), eventId, 1);
      catalog.awaitOrder(buyer.token(), orderId, "COMPLETED");
    } finally {
      mail.start();
    }

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> mailTo(buyer.email(), "Your tickets for Tosca").isPresent());
  }
}
