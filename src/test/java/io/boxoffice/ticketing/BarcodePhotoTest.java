package io.boxoffice.ticketing;

import static io.boxoffice.test.TestCatalog.seated;
import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.test.IntegrationTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Reading a ticket's QR code from a picture, for scanners using a camera. */
class BarcodePhotoTest extends IntegrationTest {

  private int status(String token, String type, byte[] body) {
    return api.bytes(
            api.request("/api/v1/barcodes/read", token)
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)))
        .statusCode();
  }

  @Test
  void aTicketsQrCodeReadsBackAsItsBarcodeAndOtherPicturesAreRefusedClearly() throws Exception {
    var eventId =
        catalog.onSale(accounts.organizer().token(), "Photo", "Oslo", List.of(seated("A", 1, 2)));
    var buyer = accounts.customer();
    var orderId = catalog.buy(jdbc, buyer.token(), eventId, 0, "tok_ok");
    catalog.awaitOrder(buyer.token(), orderId, "CONFIRMED", "CAPTURING", "COMPLETED");
    var ticket =
        jdbc.queryForMap(
            "select id::text as id, barcode from ticket where order_id = ?::uuid",
            java.util.UUID.fromString(orderId));
    var png =
        api.bytes(
                api.request("/api/v1/tickets/" + ticket.get("id") + "/qr.png", buyer.token()).GET())
            .body();
    var scanner = accounts.scanner().token();

    var read =
        api.bytes(
            api.request("/api/v1/barcodes/read", scanner)
                .header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(png)));
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(new String(read.body())).contains((String) ticket.get("barcode"));

    var blank = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB), "png", blank);
    assertThat(status(scanner, "image/png", blank.toByteArray())).isEqualTo(422);
    assertThat(status(scanner, "image/png", "not a picture".getBytes())).isEqualTo(400);
    assertThat(status(scanner, "text/plain", png)).isEqualTo(415);
    assertThat(status(buyer.token(), "image/png", png)).isEqualTo(403);
  }
}
