package io.boxoffice.ticketing.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import io.boxoffice.shared.InvalidRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads the QR code in a photo or camera frame (PNG or JPEG), so a scanner at the door can use a
 * phone's or laptop's camera: the page sends frames here and checks in what comes back. Reading
 * only — admitting stays with {@code POST /api/v1/check-ins}.
 */
@RestController
@Tag(name = "Check-in")
class BarcodePhotoController {

  /** A phone photo is a few megabytes; anything far larger is not a ticket picture. */
  static final int MAX_BYTES = 8 * 1024 * 1024;

  record Read(String barcode) {}

  @PostMapping(
      path = "/api/v1/barcodes/read",
      consumes = {"image/png", "image/jpeg"})
  @PreAuthorize("hasRole('SCANNER')")
  @Operation(
      summary = "Read the ticket barcode in a photo",
      description = "200 with the barcode text; 422 when the picture holds no readable QR code.")
  Read read(@RequestBody byte[] image) {
    if (image.length > MAX_BYTES) {
      throw new InvalidRequest("image", "The picture is larger than 8 MB");
    }
    try {
      var picture = ImageIO.read(new ByteArrayInputStream(image));
      if (picture == null) {
        throw new InvalidRequest("image", "This is not a PNG or JPEG picture");
      }
      var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(picture)));
      var result =
          new MultiFormatReader()
              .decode(
                  bitmap,
                  Map.of(
                      DecodeHintType.POSSIBLE_FORMATS,
                      List.of(BarcodeFormat.QR_CODE),
                      DecodeHintType.TRY_HARDER,
                      Boolean.TRUE));
      return new Read(result.getText());
    } catch (NotFoundException e) {
      throw new NoBarcode();
    } catch (IOException e) {
      throw new InvalidRequest("image", "The picture could not be read");
    }
  }

  static final class NoBarcode extends io.boxoffice.shared.DomainException {
    NoBarcode() {
      super(422, "no-barcode", "No barcode", "No readable QR code in the picture; try again");
    }
  }
}
