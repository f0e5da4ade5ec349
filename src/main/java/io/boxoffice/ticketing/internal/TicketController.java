package io.boxoffice.ticketing.internal;

import io.boxoffice.catalog.Catalog;
import io.boxoffice.catalog.EventId;
import io.boxoffice.identity.CurrentAccount;
import io.boxoffice.shared.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Your tickets, their QR codes and PDFs; the events' public keys for offline scanners. */
@RestController
@Tag(name = "Tickets", description = "Signed tickets, QR codes, PDFs and public keys")
class TicketController {

  record TicketView(
      UUID ticketId,
      UUID orderId,
      UUID eventId,
      UUID seatId,
      UUID sectionId,
      UUID tierId,
      String place,
      String holderName,
      String status,
      String barcode,
      Instant issuedAt,
      Instant checkedInAt) {}

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final TicketRepository tickets;
  private final TicketKeys keys;
  private final Catalog catalog;

  TicketController(TicketRepository tickets, TicketKeys keys, Catalog catalog) {
    this.tickets = tickets;
    this.keys = keys;
    this.catalog = catalog;
  }

  @GetMapping("/api/v1/me/tickets")
  @Operation(summary = "Your tickets, newest first")
  List<TicketView> mine(Authentication caller) {
    return tickets.ofHolder(CurrentAccount.require(caller).value()).stream()
        .map(this::view)
        .toList();
  }

  @GetMapping("/api/v1/tickets/{ticketId}")
  @Operation(summary = "One of your tickets with its signed barcode")
  TicketView get(@PathVariable UUID ticketId, Authentication caller) {
    return view(owned(ticketId, caller));
  }

  @GetMapping(path = "/api/v1/tickets/{ticketId}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
  @Operation(summary = "The ticket's QR code")
  ResponseEntity<byte[]> qr(@PathVariable UUID ticketId, Authentication caller) {
    var ticket = owned(ticketId, caller);
    return ResponseEntity.ok()
        .contentType(MediaType.IMAGE_PNG)
        .body(TicketDocuments.qrPng(ticket.barcode(), 400));
  }

  @GetMapping(
      path = "/api/v1/tickets/{ticketId}/ticket.pdf",
      produces = MediaType.APPLICATION_PDF_VALUE)
  @Operation(summary = "The ticket as a printable PDF")
  ResponseEntity<byte[]> pdf(@PathVariable UUID ticketId, Authentication caller) {
    var ticket = owned(ticketId, caller);
    var event = catalog.event(new EventId(ticket.eventId())).orElseThrow();
    var printed =
        new TicketDocuments.Printed(
            event.title(),
            event.venue().name() + ", " + event.venue().city(),
            WHEN.format(event.startsAt()),
            place(ticket),
            ticket.holderName());
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header("Content-Disposition", "inline; filename=\"ticket-" + ticket.id() + ".pdf\"")
        .body(TicketDocuments.pdf(ticket.barcode(), printed));
  }

  @GetMapping("/api/v1/events/{eventId}/ticket-keys")
  @Operation(summary = "The event's public Ed25519 keys (X.509, base64) for offline verification")
  List<TicketKeys.PublishedKey> keys(@PathVariable UUID eventId) {
    catalog
        .event(new EventId(eventId))
        .filter(e -> e.lifecycle() != io.boxoffice.catalog.EventStatus.Lifecycle.DRAFT)
        .orElseThrow(() -> new NotFound("Event", eventId));
    return keys.published(eventId);
  }

  private TicketRepository.StoredTicket owned(UUID ticketId, Authentication caller) {
    return tickets
        .find(ticketId)
        .filter(t -> t.holderId().equals(CurrentAccount.require(caller).value()))
        .orElseThrow(() -> new NotFound("Ticket", ticketId));
  }

  private String place(TicketRepository.StoredTicket ticket) {
    return catalog.placeLabel(ticket.seatId() != null ? ticket.seatId() : ticket.sectionId());
  }

  private TicketView view(TicketRepository.StoredTicket t) {
    return new TicketView(
        t.id(),
        t.orderId(),
        t.eventId(),
        t.seatId(),
        t.sectionId(),
        t.tierId(),
        place(t),
        t.holderName(),
        t.status(),
        t.barcode(),
        t.issuedAt(),
        t.checkedInAt());
  }
}
