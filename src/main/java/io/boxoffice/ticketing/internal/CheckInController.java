package io.boxoffice.ticketing.internal;

import io.boxoffice.identity.CurrentAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The door. */
@RestController
@Tag(name = "Check-in", description = "Scanning tickets at the door (scanners)")
class CheckInController {

  /** {@code eventId}: the event this door admits to; a ticket for another one is refused. */
  record Scan(
      @NotBlank @Size(max = 1024) String barcode, @Size(max = 50) String gate, UUID eventId) {}

  record ScanResult(
      CheckIns.Result result,
      String reason,
      TicketController.TicketView ticket,
      Instant firstScannedAt,
      String firstGate) {}

  private final CheckIns checkIns;

  CheckInController(CheckIns checkIns) {
    this.checkIns = checkIns;
  }

  @PostMapping("/api/v1/check-ins")
  @PreAuthorize("hasRole('SCANNER')")
  @Operation(
      summary = "Scan a ticket",
      description =
          "200 ADMITTED; 409 ALREADY_USED with the first scan's time and gate; 422 REVOKED"
              + " (refunded or cancelled), WRONG_EVENT or FORGED.")
  ResponseEntity<ScanResult> scan(@Valid @RequestBody Scan scan, Authentication caller) {
    var outcome =
        checkIns.scan(
            scan.barcode().strip(),
            scan.eventId(),
            scan.gate(),
            CurrentAccount.require(caller).value());
    var ticket = outcome.ticket();
    var view =
        ticket == null
            ? null
            : new TicketController.TicketView(
                ticket.id(),
                ticket.orderId(),
                ticket.eventId(),
                ticket.seatId(),
                ticket.sectionId(),
                ticket.tierId(),
                null,
                ticket.holderName(),
                ticket.status(),
                null,
                ticket.issuedAt(),
                ticket.checkedInAt());
    var body =
        new ScanResult(
            outcome.result(),
            reason(outcome.result()),
            view,
            outcome.firstScannedAt(),
            outcome.gate());
    var status =
        switch (outcome.result()) {
          case ADMITTED -> 200;
          case ALREADY_USED -> 409;
          case REVOKED, WRONG_EVENT, FORGED -> 422;
        };
    return ResponseEntity.status(status).body(body);
  }

  private static String reason(CheckIns.Result result) {
    return switch (result) {
      case ADMITTED -> "Welcome";
      case ALREADY_USED -> "This ticket has already been used";
      case REVOKED -> "This ticket was refunded or cancelled";
      case WRONG_EVENT -> "This ticket is for another event";
      case FORGED -> "This is not a valid ticket";
    };
  }
}
