package io.boxoffice.ticketing.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfWriter;

/** The ticket as a QR code (PNG) and as a printable PDF page. */
final class TicketDocuments {

  /** What is printed on a ticket besides its QR code. */
  record Printed(String event, String venue, String when, String place, String holder) {}

  private TicketDocuments() {}

  static byte[] qrPng(String barcode, int size) {
    try {
      var matrix =
          new QRCodeWriter()
              .encode(
                  barcode,
                  BarcodeFormat.QR_CODE,
                  size,
                  size,
                  Map.of(
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.MARGIN,
                      2));
      var out = new ByteArrayOutputStream();
      MatrixToImageWriter.writeToStream(matrix, "PNG", out);
      return out.toByteArray();
    } catch (WriterException e) {
      throw new IllegalArgumentException("barcode does not fit a QR code", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] pdf(String barcode, Printed printed) {
    var out = new ByteArrayOutputStream();
    var document = new Document(PageSize.A6);
    PdfWriter.getInstance(document, out);
    document.open();
    document.addTitle(printed.event() + " ticket");
    document.add(title(printed.event()));
    document.add(new Paragraph(printed.when(), font(10, Font.NORMAL)));
    document.add(new Paragraph(printed.venue(), font(10, Font.NORMAL)));
    document.add(new Paragraph(printed.place(), font(12, Font.BOLD)));
    document.add(new Paragraph(printed.holder(), font(10, Font.NORMAL)));
    try {
      var qr = Image.getInstance(qrPng(barcode, 300));
      qr.scaleToFit(180, 180);
      qr.setAlignment(Element.ALIGN_CENTER);
      document.add(qr);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    document.close();
    return out.toByteArray();
  }

  private static Paragraph title(String text) {
    var paragraph = new Paragraph(text, font(16, Font.BOLD));
    paragraph.setSpacingAfter(6);
    return paragraph;
  }

  private static Font font(float size, int style) {
    return FontFactory.getFont(FontFactory.HELVETICA, size, style);
  }
}
