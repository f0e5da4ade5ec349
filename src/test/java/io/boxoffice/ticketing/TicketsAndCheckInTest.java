package io.boxoffice.ticketing;

import static io.boxoffice.test.TestCatalog.seated;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import io.boxoffice.test.Api;
import io.boxoffice.test.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** From purchase to the door: signed tickets, their QR and PDF, scanning and revocation. */
class TicketsAndCheckInTest extends IntegrationTest {

  private String organizer;
  private String eventId;
  private String customer;
  private String scanner;

  @BeforeEach
  void aPurchase() {
    organizer = accounts.organizer().token();
    eventId = catalog.onSale(organizer, "Opera", "Oslo", List.of(seated("Stalls", 2, 10)));
    customer = accounts.customer().token();
    scanner = accounts.scanner().token();
  }

  private String buy(int seat) {
    return catalog.buy(jdbc, customer, eventId, seat, "tok_ok");
  }

  private JsonNode myOnlyTicket() {
    var tickets = api.get("/api/v1/me/tickets", customer).json();
    assertThat(tickets).hasSize(1);
    return tickets.get(0);
  }

  private Api.Response scan(String barcode, String gate, String event) {
    var body = new java.util.HashMap<String, Object>(Map.of("barcode", barcode, "gate", gate));
    if (event != null) {
      body.put("eventId", event);
    }
    return api.post("/api/v1/check-ins", scanner, body);
  }

  @Test
  void theEventHasItsSigningKeyFromPublicationAndTheFirstPurchasesAllSignWithIt() throws Exception {
    var keys =
        jdbc.queryForList(
            "select kid from ticket_signing_key where event_id = ?::uuid", String.class, eventId);
    assertThat(keys).hasSize(1);

    // the first sales, at once: each signs inside its confirmation without a second connection
    var buyers = new ArrayList<String>();
    for (int i = 0; i < 8; i++) {
      buyers.add(accounts.customer().token());
    }
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      var orders = new ArrayList<Future<String>>();
      for (int i = 0; i < buyers.size(); i++) {
        int seat = i;
        orders.add(
            executor.submit(() -> catalog.buy(jdbc, buyers.get(seat), eventId, seat, "tok_ok")));
      }
      for (int i = 0; i < orders.size(); i++) {
        catalog.awaitOrder(buyers.get(i), orders.get(i).get(), "COMPLETED");
      }
    }
    var signedWith =
        jdbc
            .queryForList(
                "select barcode from ticket where event_id = ?::uuid", String.class, eventId)
            .stream()
            .map(b -> b.substring("BO1.".length(), b.indexOf('.', "BO1.".length())))
            .map(p -> new String(java.util.Base64.getUrlDecoder().decode(p)).split("\\|")[0])
            .toList();
    assertThat(signedWith).hasSize(8).containsOnly(keys.getFirst());
    assertThat(
            jdbc.queryForObject(
                "select count(*) from ticket_signing_key where event_id = ?::uuid",
                Integer.class,
                eventId))
        .isEqualTo(1);
  }

  @Test
  void aBoughtTicketHasASignedBarcodeAQrCodeAndAPdf() throws Exception {
    buy(0);
    var ticket = myOnlyTicket();
    var id = ticket.get("ticketId").asString();
    var barcode = ticket.get("barcode").asString();

    assertThat(barcode).startsWith("BO1.");
    assertThat(ticket.get("place").asString()).isEqualTo("Stalls, row A, seat 1");
    var qr = api.bytes(api.request("/api/v1/tickets/" + id + "/qr.png", customer).GET());
    assertThat(qr.statusCode()).isEqualTo(200);
    var image = ImageIO.read(new ByteArrayInputStream(qr.body()));
    var decoded =
        new com.google.zxing.qrcode.QRCodeReader()
            .decode(
                new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                // a rendered code, not a photo: read it as a pure barcode, deterministically
                java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE));
    assertThat(decoded.getText()).isEqualTo(barcode);
    var pdf = api.bytes(api.request("/api/v1/tickets/" + id + "/ticket.pdf", customer).GET());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
    assertThat(api.get("/api/v1/tickets/" + id, accounts.customer().token()).status())
        .isEqualTo(404);
    var keys = api.get("/api/v1/events/" + eventId + "/ticket-keys").json();
    assertThat(keys).hasSize(1);
    assertThat(keys.get(0).get("algorithm").asString()).isEqualTo("Ed25519");
  }

  @Test
  void aTicketIsAdmittedOnceAndTheSecondScanSaysWhenAndWhere() {
    buy(0);
    var barcode = myOnlyTicket().get("barcode").asString();

    var first = scan(barcode, "North", eventId);
    var second = scan(barcode, "South", eventId);

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().get("result").asString()).isEqualTo("ADMITTED");
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.json().get("result").asString()).isEqualTo("ALREADY_USED");
    assertThat(second.json().get("firstGate").asString()).isEqualTo("North");
    assertThat(second.json().get("firstScannedAt").isNull()).isFalse();
    assertThat(
            jdbc.queryForList("select result from check_in_scan order by scanned_at", String.class))
        .containsExactly("ADMITTED", "ALREADY_USED");
  }

  @Test
  void twoGatesScanningTheSameTicketAtOnceAdmitItExactlyOnce() throws Exception {
    buy(0);
    var barcode = myOnlyTicket().get("barcode").asString();
    var start = new CountDownLatch(1);
    var results = new ArrayList<Future<String>>();
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (var gate : List.of("A", "B", "C", "D")) {
        results.add(
            threads.submit(
                () -> {
                  start.await();
                  return scan(barcode, gate, eventId).json().get("result").asString();
                }));
      }
      start.countDown();
      var outcomes = new ArrayList<String>();
      for (var result : results) {
        outcomes.add(result.get());
      }
      assertThat(outcomes)
          .containsOnlyOnce("ADMITTED")
          .filteredOn("ALREADY_USED"::equals)
          .hasSize(3);
    }
  }

  @Test
  void aRefundedTicketIsRefusedAsRevoked() {
    var orderId = buy(0);
    var barcode = myOnlyTicket().get("barcode").asString();
    catalog.awaitOrder(customer, orderId, "COMPLETED");
    assertThat(api.post("/api/v1/orders/" + orderId + "/refund", organizer, Map.of()).status())
        .isEqualTo(200);

    var refused = scan(barcode, "North", eventId);

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("result").asString()).isEqualTo("REVOKED");
  }

  @Test
  void forgedAndOtherEventsTicketsAreRefused() {
    buy(0);
    var barcode = myOnlyTicket().get("barcode").asString();
    var otherEvent = catalog.onSale(organizer, "Other", "Oslo", List.of(seated("A", 1, 1)));
    var tampered =
        barcode.substring(0, 10) + (barcode.charAt(10) == 'A' ? 'B' : 'A') + barcode.substring(11);

    assertThat(scan(barcode, "North", otherEvent).json().get("result").asString())
        .isEqualTo("WRONG_EVENT");
    assertThat(scan(tampered, "North", eventId).json().get("result").asString())
        .isEqualTo("FORGED");
    assertThat(scan("hello", "North", eventId).json().get("result").asString()).isEqualTo("FORGED");
    assertThat(api.post("/api/v1/check-ins", customer, Map.of("barcode", barcode)).status())
        .isEqualTo(403);
    // none of these admitted it
    assertThat(scan(barcode, "North", eventId).json().get("result").asString())
        .isEqualTo("ADMITTED");
  }
}
