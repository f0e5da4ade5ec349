package io.boxoffice.ticketing.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scanning at the door: the signature first (a forged barcode never reaches the database), then the
 * ticket's state; admission is one conditional update, so of two gates scanning the same ticket in
 * the same instant exactly one admits it. Every scan is recorded.
 */
@Service
class CheckIns {

  enum Result {
    ADMITTED,
    ALREADY_USED,
    REVOKED,
    WRONG_EVENT,
    FORGED
  }

  record Outcome(
      Result result, TicketRepository.StoredTicket ticket, Instant firstScannedAt, String gate) {}

  private final TicketKeys keys;
  private final TicketRepository tickets;
  private final TransactionTemplate separately;

  CheckIns(TicketKeys keys, TicketRepository tickets, PlatformTransactionManager transactions) {
    this.keys = keys;
    this.tickets = tickets;
    // the scan log commits on its own: a refused scan rolls the request back, its record stays
    this.separately = new TransactionTemplate(transactions);
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Transactional
  Outcome scan(String barcode, UUID expectedEvent, String gate, UUID scanner) {
    var claims = Barcodes.verify(barcode, keys::publicKey);
    var ticket = claims.flatMap(c -> tickets.find(c.ticketId()));
    if (claims.isEmpty()
        || ticket.isEmpty()
        || !ticket.get().eventId().equals(claims.get().eventId())
        || !barcode.equals(ticket.get().barcode())) {
      return record(
          new Outcome(Result.FORGED, null, null, null), Optional.empty(), null, scanner, gate);
    }
    var found = ticket.get();
    if (expectedEvent != null && !expectedEvent.equals(found.eventId())) {
      return record(
          new Outcome(Result.WRONG_EVENT, found, null, null),
          ticket,
          found.eventId(),
          scanner,
          gate);
    }
    if (!found.status().equals("LIVE")) {
      return record(
          new Outcome(Result.REVOKED, found, null, null), ticket, found.eventId(), scanner, gate);
    }
    if (tickets.admit(found.id(), gate)) {
      var admitted = tickets.find(found.id()).orElseThrow();
      return record(
          new Outcome(Result.ADMITTED, admitted, null, gate),
          ticket,
          found.eventId(),
          scanner,
          gate);
    }
    var now = tickets.find(found.id()).orElseThrow();
    var result = now.status().equals("LIVE") ? Result.ALREADY_USED : Result.REVOKED;
    return record(
        new Outcome(result, now, now.checkedInAt(), now.checkedInGate()),
        ticket,
        found.eventId(),
        scanner,
        gate);
  }

  private Outcome record(
      Outcome outcome,
      Optional<TicketRepository.StoredTicket> ticket,
      UUID event,
      UUID scanner,
      String gate) {
    separately.executeWithoutResult(
        status ->
            tickets.recordScan(
                ticket.map(TicketRepository.StoredTicket::id).orElse(null),
                event,
                scanner,
                gate,
                outcome.result().name()));
    return outcome;
  }
}
