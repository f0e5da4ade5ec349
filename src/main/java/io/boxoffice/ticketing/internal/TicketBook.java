package io.boxoffice.ticketing.internal;

import io.boxoffice.catalog.EventPublished;
import io.boxoffice.checkout.IssuedTickets;
import io.boxoffice.checkout.OrderCancelled;
import io.boxoffice.checkout.OrderConfirmed;
import io.boxoffice.checkout.OrderId;
import io.boxoffice.identity.Accounts;
import io.boxoffice.ticketing.TicketsIssued;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues and voids tickets. Both listeners are synchronous and join the order's transaction, so a
 * confirmed order always has its tickets and an undone one never keeps a live ticket; the partial
 * unique index {@code ticket_live_seat_uq} makes a second live ticket for a seat impossible.
 */
@Component
class TicketBook implements IssuedTickets {

  private final JdbcClient jdbc;
  private final TicketKeys keys;
  private final Accounts accounts;
  private final ApplicationEventPublisher publisher;

  TicketBook(
      JdbcClient jdbc, TicketKeys keys, Accounts accounts, ApplicationEventPublisher publisher) {
    this.jdbc = jdbc;
    this.keys = keys;
    this.accounts = accounts;
    this.publisher = publisher;
  }

  /** A published event gets its signing key with the publication, before anything is sold. */
  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(EventPublished published) {
    keys.signerFor(published.eventId().value());
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(OrderConfirmed confirmed) {
    var holder =
        accounts.find(confirmed.customerId()).map(a -> a.displayName()).orElse("Ticket holder");
    var signer = keys.signerFor(confirmed.eventId().value());
    var issued = new ArrayList<UUID>();
    for (var line : confirmed.lines()) {
      for (int i = 0; i < line.quantity(); i++) {
        var id = UUID.randomUUID();
        var seated = line.seatId() != null;
        var barcode =
            Barcodes.sign(
                new Barcodes.Claims(
                    signer.kid(),
                    id,
                    confirmed.eventId().value(),
                    seated,
                    seated ? line.seatId() : line.sectionId(),
                    holder),
                signer.key());
        jdbc.sql(
                """
                insert into ticket (id, order_id, event_id, holder_id, seat_id, section_id, tier_id,
                                    status, barcode, holder_name)
                values (:id, :order, :event, :holder, :seat, :section, :tier, 'LIVE', :barcode,
                        :holderName)
                """)
            .param("id", id)
            .param("barcode", barcode)
            .param("holderName", holder)
            .param("order", confirmed.orderId().value())
            .param("event", confirmed.eventId().value())
            .param("holder", confirmed.customerId().value())
            .param("seat", line.seatId())
            .param("section", line.sectionId())
            .param("tier", line.tierId())
            .update();
        issued.add(id);
      }
    }
    publisher.publishEvent(
        new TicketsIssued(
            confirmed.orderId(), confirmed.eventId(), confirmed.customerId(), issued));
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(OrderCancelled cancelled) {
    jdbc.sql(
            "update ticket set status = 'VOID', voided_at = now()"
                + " where order_id = :order and status = 'LIVE'")
        .param("order", cancelled.orderId().value())
        .update();
  }

  @Override
  public List<Ticket> of(OrderId order) {
    return new ArrayList<>(
        jdbc.sql("select * from ticket where order_id = :order order by seat_id, id")
            .param("order", order.value())
            .query(
                (rs, n) ->
                    new Ticket(
                        rs.getObject("id", UUID.class),
                        rs.getObject("seat_id", UUID.class),
                        rs.getObject("section_id", UUID.class),
                        rs.getObject("tier_id", UUID.class),
                        rs.getString("status"),
                        rs.getTimestamp("issued_at").toInstant()))
            .list());
  }
}
