package io.boxoffice.inventory.internal;

import io.boxoffice.catalog.EventId;
import io.boxoffice.identity.AccountId;
import io.boxoffice.inventory.Hold;
import io.boxoffice.inventory.HoldId;
import io.boxoffice.inventory.HoldStatus;
import io.boxoffice.shared.Money;
import io.boxoffice.shared.jdbc.Unnest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Holds and their seats. Status changes are conditional updates from an expected state. */
@Repository
class HoldRepository {

  /** A new hold's row; {@code gaSection} is null for seats. */
  record NewHold(
      HoldId id,
      EventId event,
      AccountId customer,
      UUID gaSection,
      int quantity,
      Money total,
      Duration ttl) {}

  record SeatLine(UUID seatId, UUID tierId, long amount) {}

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  HoldRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /**
   * Serialises one customer's claims on one event for the rest of the transaction, so that the
   * limit check and the claim are decided together: one account firing 100 parallel holds gets at
   * most its limit. Other customers are not affected. Taken before any seat lock.
   */
  void lockCustomer(EventId event, AccountId customer) {
    lockCustomers(event, List.of(customer));
  }

  /**
   * {@link #lockCustomer} for several customers in one round trip, in key order so that two batches
   * of the same event can never wait for each other in a cycle.
   */
  void lockCustomers(EventId event, Collection<AccountId> customers) {
    var keys =
        customers.stream()
            .map(c -> customerLockKey(event, c))
            .sorted()
            .distinct()
            .toArray(Long[]::new);
    jdbc.sql("select pg_advisory_xact_lock(k) from unnest(cast(:keys as int8[])) as k order by k")
        .param("keys", keys)
        .query((rs, n) -> 1)
        .list();
  }

  private static long customerLockKey(EventId event, AccountId customer) {
    return event.value().getMostSignificantBits() * 31
        ^ event.value().getLeastSignificantBits()
        ^ customer.value().getMostSignificantBits() * 17
        ^ customer.value().getLeastSignificantBits();
  }

  /** {@link #ticketsOf} for several customers at once; a customer with none is absent. */
  Map<AccountId, Integer> ticketsOf(EventId event, Collection<AccountId> customers) {
    return jdbc
        .sql(
            """
            select customer_id, sum(quantity) as tickets from hold
            where event_id = :event and customer_id = any(:customers)
              and (status in ('CHECKING_OUT', 'CONFIRMED')
                   or (status = 'ACTIVE' and expires_at > now()))
            group by customer_id
            """)
        .param("event", event.value())
        .param(
            "customers", customers.stream().map(AccountId::value).distinct().toArray(UUID[]::new))
        .query(
            (rs, n) ->
                Map.entry(
                    new AccountId(rs.getObject("customer_id", UUID.class)), rs.getInt("tickets")))
        .list()
        .stream()
        .collect(
            Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Integer::sum, HashMap::new));
  }

  /** Tickets the customer holds (unexpired), is paying for, or has bought for this event. */
  int ticketsOf(EventId event, AccountId customer) {
    return ticketsOf(event, List.of(customer)).getOrDefault(customer, 0);
  }

  /** Inserts an ACTIVE hold expiring {@code ttl} from now by the database clock. */
  void insert(NewHold hold) {
    jdbc.sql(
            """
            insert into hold (id, event_id, customer_id, status, kind, ga_section_id, quantity,
                              amount, currency, expires_at)
            values (:id, :event, :customer, 'ACTIVE', :kind, :section, :quantity, :amount,
                    :currency, now() + make_interval(secs => :ttl))
            """)
        .param("id", hold.id().value())
        .param("event", hold.event().value())
        .param("customer", hold.customer().value())
        .param("kind", hold.gaSection() == null ? "SEATS" : "GENERAL_ADMISSION")
        .param("section", hold.gaSection())
        .param("quantity", hold.quantity())
        .param("amount", hold.total().amount())
        .param("currency", hold.total().currency())
        .param("ttl", hold.ttl().toMillis() / 1000.0)
        .update();
  }

  /** When an inserted hold expires, and when it was made, by the database clock. */
  record Inserted(HoldId id, Instant expiresAt, Instant createdAt) {}

  /** Inserts general-admission holds in one statement, each as {@link #insert} would. */
  List<Inserted> insertAll(List<NewHold> newHolds) {
    return Unnest.query(
        template,
        """
        insert into hold (id, event_id, customer_id, status, kind, ga_section_id, quantity,
                          amount, currency, expires_at)
        select id, event, customer, 'ACTIVE', 'GENERAL_ADMISSION', section, quantity, amount,
               currency, now() + make_interval(secs => ttl)
        from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::int4[], ?::int8[], ?::text[],
                    ?::float8[]) as h (id, event, customer, section, quantity, amount, currency, ttl)
        returning id, expires_at, created_at
        """,
        (rs, n) ->
            new Inserted(
                new HoldId(rs.getObject("id", UUID.class)),
                instant(rs, "expires_at"),
                instant(rs, "created_at")),
        column("uuid", newHolds, h -> h.id().value()),
        column("uuid", newHolds, h -> h.event().value()),
        column("uuid", newHolds, h -> h.customer().value()),
        column("uuid", newHolds, NewHold::gaSection),
        column("int4", newHolds, NewHold::quantity),
        column("int8", newHolds, h -> h.total().amount()),
        column("text", newHolds, h -> h.total().currency()),
        column("float8", newHolds, h -> h.ttl().toMillis() / 1000.0));
  }

  private static Unnest.Column column(
      String type, List<NewHold> rows, Function<NewHold, Object> value) {
    return Unnest.column(type, rows.stream().map(value).toList());
  }

  void insertSeats(HoldId hold, EventId event, List<SeatLine> seats) {
    Unnest.update(
        template,
        """
        insert into hold_seat (hold_id, event_id, seat_id, tier_id, amount)
        select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::int8[])
        """,
        Unnest.column("uuid", java.util.Collections.nCopies(seats.size(), hold.value())),
        Unnest.column("uuid", java.util.Collections.nCopies(seats.size(), event.value())),
        Unnest.column("uuid", seats.stream().map(SeatLine::seatId).toList()),
        Unnest.column("uuid", seats.stream().map(SeatLine::tierId).toList()),
        Unnest.column("int8", seats.stream().map(SeatLine::amount).toList()));
  }

  /**
   * Moves the hold from {@code from} to {@code to} if it is still in {@code from}; {@code
   * condition} (SQL over the hold's columns, may be empty) narrows it further. Returns whether it
   * moved: the row count decides, so two racing transitions never both win.
   */
  boolean transition(HoldId hold, HoldStatus from, HoldStatus to, String condition) {
    if (!from.canBecome(to) || to == HoldStatus.CHECKING_OUT) {
      throw new IllegalArgumentException(from + " cannot become " + to + " here");
    }
    var ended = to == HoldStatus.RELEASED || to == HoldStatus.EXPIRED;
    return jdbc.sql(
                "update hold set status = :to, version = version + 1, checkout_until = null"
                    + (ended ? ", ended_at = now()" : "")
                    + " where id = :id and status = :from"
                    + (condition.isEmpty() ? "" : " and " + condition))
            .param("id", hold.value())
            .param("from", from.name())
            .param("to", to.name())
            .update()
        == 1;
  }

  /**
   * ACTIVE → CHECKING_OUT for the owner, only while the hold has not expired (database clock). The
   * payment window runs from the hold's expiry, or from now if that is later. Returns the end of
   * the payment window if the hold moved.
   */
  Optional<Instant> startCheckout(HoldId hold, AccountId customer, Duration window) {
    return jdbc.sql(
            """
            update hold set status = 'CHECKING_OUT', version = version + 1,
                checkout_until = greatest(expires_at, now()) + make_interval(secs => :window)
            where id = :id and customer_id = :customer and status = 'ACTIVE'
              and expires_at > now()
            returning checkout_until
            """)
        .param("id", hold.value())
        .param("customer", customer.value())
        .param("window", window.toMillis() / 1000.0)
        .query((rs, n) -> rs.getTimestamp(1).toInstant())
        .optional();
  }

  Optional<Hold> find(HoldId id) {
    return jdbc.sql("select * from hold where id = :id")
        .param("id", id.value())
        .query((rs, n) -> map(rs, items(rs)))
        .optional();
  }

  private List<Hold.Item> items(ResultSet hold) throws SQLException {
    var id = hold.getObject("id", UUID.class);
    var currency = hold.getString("currency");
    var gaSection = hold.getObject("ga_section_id", UUID.class);
    if (gaSection != null) {
      int quantity = hold.getInt("quantity");
      long unit = hold.getLong("amount") / quantity;
      var tier =
          jdbc.sql("select tier_id from ga_inventory where event_id = :event and section_id = :s")
              .param("event", hold.getObject("event_id", UUID.class))
              .param("s", gaSection)
              .query(UUID.class)
              .single();
      return List.of(new Hold.Item(null, gaSection, tier, quantity, Money.of(unit, currency)));
    }
    return jdbc.sql(
            """
            select hs.seat_id, st.section_id, hs.tier_id, hs.amount from hold_seat hs
            join seat st on st.id = hs.seat_id where hs.hold_id = :id order by hs.seat_id
            """)
        .param("id", id)
        .query(
            (rs, n) ->
                new Hold.Item(
                    rs.getObject("seat_id", UUID.class),
                    rs.getObject("section_id", UUID.class),
                    rs.getObject("tier_id", UUID.class),
                    1,
                    Money.of(rs.getLong("amount"), currency)))
        .list();
  }

  private static Hold map(ResultSet rs, List<Hold.Item> items) throws SQLException {
    return new Hold(
        new HoldId(rs.getObject("id", UUID.class)),
        new EventId(rs.getObject("event_id", UUID.class)),
        new AccountId(rs.getObject("customer_id", UUID.class)),
        HoldStatus.valueOf(rs.getString("status")),
        items,
        Money.of(rs.getLong("amount"), rs.getString("currency")),
        instant(rs, "expires_at"),
        instant(rs, "checkout_until"),
        instant(rs, "created_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    var timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
