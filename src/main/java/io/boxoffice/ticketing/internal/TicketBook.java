package io.boxoffice.ticketing.internal;

import io.boxoffice.catalog.EventPublished;
import io.boxoffice.checkout.IssuedTickets;
import io.boxoffice.checkout.OrderCancelled;
import io.boxoffice.checkout.OrderConfirmed;
import io.boxoffice.checkout.OrderId;
import io.boxoffice.identity.Accounts;
import io.boxoffice.shared.jdbc.Unnest;
import io.boxoffice.ticketing.TicketsIssued;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
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
  private final JdbcTemplate template;
  private final TicketKeys keys;
  private final Accounts accounts;
  private final ApplicationEventPublisher publisher;

  TicketBook(
      JdbcClient jdbc,
      JdbcTemplate template,
      TicketKeys keys,
      Accounts accounts,
      ApplicationEventPublisher publisher) {
    this.jdbc = jdbc;
    this.template = template;
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
    var seats = new ArrayList<UUID>();
    var sections = new ArrayList<UUID>();
    var tiers = new ArrayList<UUID>();
    var barcodes = new ArrayList<String>();
    for (var line : confirmed.lines()) {
      for (int i = 0; i < line.quantity(); i++) {
        var id = UUID.randomUUID();
        var seated = line.seatId() != null;
        barcodes.add(
            Barcodes.sign(
                new Barcodes.Claims(
                    signer.kid(),
                    id,
                    confirmed.eventId().value(),
                    seated,
                    seated ? line.seatId() : line.sectionId(),
                    holder),
                signer.key()));
        issued.add(id);
        seats.add(line.seatId());
        sections.add(line.sectionId());
        tiers.add(line.tierId());
      }
    }
    // one statement for all of the order's tickets
    int n = issued.size();
    Unnest.update(
        template,
        """
        insert into ticket (id, order_id, event_id, holder_id, seat_id, section_id, tier_id,
                            status, barcode, holder_name)
        select id, order_id, event_id, holder_id, seat_id, section_id, tier_id, 'LIVE', barcode,
               holder_name
        from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[],
                    ?::text[], ?::text[])
             as t (id, order_id, event_id, holder_id, seat_id, section_id, tier_id, barcode,
                   holder_name)
        """,
        Unnest.column("uuid", issued),
        Unnest.column("uuid", Collections.nCopies(n, confirmed.orderId().value())),
        Unnest.column("uuid", Collections.nCopies(n, confirmed.eventId().value())),
        Unnest.column("uuid", Collections.nCopies(n, confirmed.customerId().value())),
        Unnest.column("uuid", seats),
        Unnest.column("uuid", sections),
        Unnest.column("uuid", tiers),
        Unnest.column("text", barcodes),
        Unnest.column("text", Collections.nCopies(n, holder)));
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
