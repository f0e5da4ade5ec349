package io.boxoffice.notification.internal;

import io.boxoffice.catalog.Catalog;
import io.boxoffice.checkout.IssuedTickets;
import io.boxoffice.checkout.OrderCancelled;
import io.boxoffice.checkout.OrderConfirmed;
import io.boxoffice.identity.Accounts;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Mails the buyer. Each listener runs after the purchase's transaction committed, from the event
 * publication registry: if the mail cannot be sent (SMTP down) the listener fails, the publication
 * stays incomplete and the outbox retry job sends it again later — the order is never affected.
 */
@Component
class OrderMails {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final Mailbox mailbox;
  private final Accounts accounts;
  private final Catalog catalog;
  private final IssuedTickets tickets;
  private final String publicUrl;

  OrderMails(
      Mailbox mailbox,
      Accounts accounts,
      Catalog catalog,
      IssuedTickets tickets,
      @Value("${boxoffice.public-url}") String publicUrl) {
    this.mailbox = mailbox;
    this.accounts = accounts;
    this.catalog = catalog;
    this.tickets = tickets;
    this.publicUrl = publicUrl;
  }

  @ApplicationModuleListener
  void on(OrderConfirmed confirmed) {
    var account = accounts.find(confirmed.customerId()).orElseThrow();
    var event = catalog.event(confirmed.eventId()).orElseThrow();
    var text = new StringBuilder();
    text.append("Hello ")
        .append(account.displayName())
        .append(",\n\n")
        .append("your tickets for ")
        .append(event.title())
        .append(" are confirmed.\n")
        .append(WHEN.format(event.startsAt()))
        .append(", ")
        .append(event.venue().name())
        .append(", ")
        .append(event.venue().city())
        .append("\n\n");
    var issued = tickets.of(confirmed.orderId());
    var places = catalog.placeLabels(issued.stream().map(IssuedTickets.Ticket::placeId).toList());
    for (var ticket : issued) {
      var place = places.getOrDefault(ticket.placeId(), "");
      text.append("- ")
          .append(place)
          .append(": ")
          .append(publicUrl)
          .append("/api/v1/tickets/")
          .append(ticket.ticketId())
          .append("/ticket.pdf\n");
    }
    text.append("\nOrder ").append(confirmed.orderId()).append("\n");
    mailbox.send(account.email(), "Your tickets for " + event.title(), text.toString());
  }

  @ApplicationModuleListener
  void on(OrderCancelled cancelled) {
    var account = accounts.find(cancelled.customerId()).orElseThrow();
    var event = catalog.event(cancelled.eventId()).orElseThrow();
    var text =
        "Hello "
            + account.displayName()
            + ",\n\n"
            + "your order "
            + cancelled.orderId()
            + " for "
            + event.title()
            + " has been cancelled ("
            + cancelled.reason()
            + "). Its tickets are no longer valid;"
            + " any money taken is returned to your card.\n";
    mailbox.send(account.email(), "Your order for " + event.title() + " was cancelled", text);
  }
}
