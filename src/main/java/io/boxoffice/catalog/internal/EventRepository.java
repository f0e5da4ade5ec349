package io.boxoffice.catalog.internal;

import io.boxoffice.catalog.EventDetails;
import io.boxoffice.catalog.EventId;
import io.boxoffice.catalog.EventStatus.Lifecycle;
import io.boxoffice.catalog.NewEvent;
import io.boxoffice.catalog.PriceTier;
import io.boxoffice.catalog.SaleTerms;
import io.boxoffice.catalog.SectionKind;
import io.boxoffice.catalog.VenueId;
import io.boxoffice.identity.AccountId;
import io.boxoffice.shared.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Events, their price tiers and tier assignments. */
@Repository
class EventRepository {

  /** A tier assignment resolved to ids. */
  record Assignment(UUID tierId, UUID sectionId, UUID seatId) {}

  private final JdbcClient jdbc;

  EventRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(EventId id, AccountId owner, NewEvent event) {
    jdbc.sql(
            """
            insert into event (id, venue_id, owner_id, title, performer, description, starts_at,
                on_sale_at, off_sale_at, lifecycle, hold_ttl_seconds, max_tickets_per_customer,
                queue_enabled, queue_opens_at, queue_admission_per_minute,
                queue_max_active_shoppers, queue_token_ttl_seconds, customer_cancellation_hours)
            values (:id, :venue, :owner, :title, :performer, :description, :startsAt,
                :onSaleAt, :offSaleAt, 'DRAFT', :holdTtl, :maxTickets,
                :queueEnabled, :queueOpensAt, :queueRate, :queueMaxActive, :queueTokenTtl,
                :cancellationHours)
            """)
        .params(params(id, event))
        .param("owner", owner.value())
        .update();
  }

  /** Optimistic: the update applies only to the version the caller read. */
  boolean update(EventId id, int expectedVersion, NewEvent event) {
    return jdbc.sql(
                """
                update event set venue_id = :venue, title = :title, performer = :performer,
                    description = :description, starts_at = :startsAt, on_sale_at = :onSaleAt,
                    off_sale_at = :offSaleAt, hold_ttl_seconds = :holdTtl,
                    max_tickets_per_customer = :maxTickets, queue_enabled = :queueEnabled,
                    queue_opens_at = :queueOpensAt, queue_admission_per_minute = :queueRate,
                    queue_max_active_shoppers = :queueMaxActive,
                    queue_token_ttl_seconds = :queueTokenTtl,
                    customer_cancellation_hours = :cancellationHours, version = version + 1
                where id = :id and version = :version
                """)
            .params(params(id, event))
            .param("version", expectedVersion)
            .update()
        == 1;
  }

  private static Map<String, Object> params(EventId id, NewEvent event) {
    var queue = event.queue();
    var params = new LinkedHashMap<String, Object>();
    params.put("id", id.value());
    params.put("venue", event.venueId());
    params.put("title", event.title().strip());
    params.put("performer", event.performer());
    params.put("description", event.description());
    params.put("startsAt", Timestamp.from(event.startsAt()));
    params.put("onSaleAt", Timestamp.from(event.onSaleAt()));
    params.put("offSaleAt", Timestamp.from(event.offSale()));
    params.put("holdTtl", event.holdTtl());
    params.put("maxTickets", event.maxTickets());
    params.put("queueEnabled", queue != null && queue.enabled());
    params.put(
        "queueOpensAt",
        queue == null || queue.opensAt() == null ? null : Timestamp.from(queue.opensAt()));
    params.put("queueRate", queue == null ? null : queue.admissionRatePerMinute());
    params.put("queueMaxActive", queue == null ? null : queue.maxActiveShoppers());
    params.put("queueTokenTtl", queue == null ? null : queue.admissionTokenTtlSeconds());
    params.put("cancellationHours", event.customerCancellationHours());
    return params;
  }

  /** Replaces tiers and assignments; returns the new tier ids by name. */
  Map<String, UUID> replacePricing(EventId id, List<NewEvent.Tier> tiers) {
    jdbc.sql("delete from tier_assignment where event_id = :id").param("id", id.value()).update();
    jdbc.sql("delete from price_tier where event_id = :id").param("id", id.value()).update();
    var ids = new LinkedHashMap<String, UUID>();
    for (int rank = 0; rank < tiers.size(); rank++) {
      var tier = tiers.get(rank);
      var tierId = UUID.randomUUID();
      ids.put(tier.name().strip(), tierId);
      jdbc.sql(
              "insert into price_tier (id, event_id, name, amount, currency, rank)"
                  + " values (:id, :event, :name, :amount, :currency, :rank)")
          .param("id", tierId)
          .param("event", id.value())
          .param("name", tier.name().strip())
          .param("amount", tier.amount())
          .param("currency", tier.currency())
          .param("rank", rank)
          .update();
    }
    return ids;
  }

  void insertAssignments(EventId id, List<Assignment> assignments) {
    for (var a : assignments) {
      jdbc.sql(
              "insert into tier_assignment (event_id, tier_id, section_id, seat_id)"
                  + " values (:event, :tier, :section, :seat)")
          .param("event", id.value())
          .param("tier", a.tierId())
          .param("section", a.sectionId())
          .param("seat", a.seatId())
          .update();
    }
  }

  /** A conditional transition: true only if the event was in {@code from}. */
  boolean transition(EventId id, Lifecycle from, Lifecycle to, Instant at) {
    return jdbc.sql(
                """
                update event set lifecycle = :to, version = version + 1,
                    published_at = case when :to = 'PUBLISHED' then :at else published_at end
                where id = :id and lifecycle = :from
                """)
            .param("id", id.value())
            .param("from", from.name())
            .param("to", to.name())
            .param("at", Timestamp.from(at))
            .update()
        == 1;
  }

  Optional<EventDetails> find(EventId id) {
    return jdbc.sql(
            """
            select e.*, v.name as venue_name, v.city, v.address from event e
            join venue v on v.id = e.venue_id where e.id = :id
            """)
        .param("id", id.value())
        .query((rs, n) -> map(rs, tiers(id), sections(id, rs.getObject("venue_id", UUID.class))))
        .optional();
  }

  Map<UUID, String> placeLabels(Collection<UUID> seatsOrSections) {
    var labels = new HashMap<UUID, String>();
    jdbc.sql(
            """
            select st.id, s.name || ', row ' || st.row_label || ', seat ' || st.number as label
            from seat st join section s on s.id = st.section_id where st.id = any(:ids)
            union all
            select id, name || ', general admission' from section where id = any(:ids)
            """)
        .param("ids", seatsOrSections.toArray(UUID[]::new))
        .query(
            (RowCallbackHandler)
                rs -> labels.put(rs.getObject("id", UUID.class), rs.getString("label")));
    return labels;
  }

  List<EventId> onSale(Instant now) {
    return jdbc.sql(
            "select id from event where lifecycle = 'PUBLISHED'"
                + " and on_sale_at <= :now and off_sale_at > :now order by on_sale_at")
        .param("now", Timestamp.from(now))
        .query((rs, n) -> new EventId(rs.getObject("id", UUID.class)))
        .list();
  }

  Optional<SaleTerms> saleTerms(EventId id) {
    return jdbc.sql(
            """
            select lifecycle, on_sale_at, off_sale_at, hold_ttl_seconds, max_tickets_per_customer,
                   queue_enabled
            from event where id = :id
            """)
        .param("id", id.value())
        .query(
            (rs, n) ->
                new SaleTerms(
                    id,
                    Lifecycle.valueOf(rs.getString("lifecycle")),
                    instant(rs, "on_sale_at"),
                    instant(rs, "off_sale_at"),
                    Duration.ofSeconds(rs.getInt("hold_ttl_seconds")),
                    rs.getInt("max_tickets_per_customer"),
                    rs.getBoolean("queue_enabled"),
                    tiers(id)))
        .optional();
  }

  /** The assignments in request form (tiers by name), to merge a partial edit into. */
  List<NewEvent.TierAssignment> assignmentsByTierName(EventId id) {
    var sections = new LinkedHashMap<String, List<UUID>>();
    var seats = new LinkedHashMap<String, List<UUID>>();
    jdbc.sql(
            """
            select t.name, a.section_id, a.seat_id from tier_assignment a
            join price_tier t on t.id = a.tier_id where a.event_id = :id order by t.rank
            """)
        .param("id", id.value())
        .query(
            rs -> {
              var name = rs.getString("name");
              sections.computeIfAbsent(name, k -> new ArrayList<>());
              seats.computeIfAbsent(name, k -> new ArrayList<>());
              var section = rs.getObject("section_id", UUID.class);
              if (section != null) {
                sections.get(name).add(section);
              } else {
                seats.get(name).add(rs.getObject("seat_id", UUID.class));
              }
            });
    return sections.keySet().stream()
        .map(name -> new NewEvent.TierAssignment(name, sections.get(name), seats.get(name)))
        .toList();
  }

  private List<PriceTier> tiers(EventId id) {
    return jdbc.sql("select * from price_tier where event_id = :id order by rank")
        .param("id", id.value())
        .query(
            (rs, n) ->
                new PriceTier(
                    rs.getObject("id", UUID.class),
                    rs.getString("name"),
                    Money.of(rs.getLong("amount"), rs.getString("currency")),
                    rs.getInt("rank")))
        .list();
  }

  /**
   * A section's tier is looked up per section (one probe of {@code tier_assignment_section_uq}): as
   * a join, statistics gathered while the venue was empty planned a nested loop comparing every
   * section with every assignment (1.4 ms for 100 sections against 0.3 ms; read once per order, for
   * its confirmation mail).
   */
  private List<EventDetails.Section> sections(EventId id, UUID venueId) {
    return jdbc.sql(
            """
            select s.id, s.name, s.kind, s.sort_order,
                (select a.tier_id from tier_assignment a
                 where a.event_id = :event and a.section_id = s.id) tier_id,
                coalesce(s.capacity, s.seat_count) capacity
            from section s
            where s.venue_id = :venue order by s.sort_order
            """)
        .param("event", id.value())
        .param("venue", venueId)
        .query(
            (rs, n) ->
                new EventDetails.Section(
                    rs.getObject("id", UUID.class),
                    rs.getString("name"),
                    SectionKind.valueOf(rs.getString("kind")),
                    rs.getInt("capacity"),
                    rs.getObject("tier_id", UUID.class),
                    rs.getInt("sort_order")))
        .list();
  }

  private static EventDetails map(
      ResultSet rs, List<PriceTier> tiers, List<EventDetails.Section> sections)
      throws SQLException {
    var queue =
        new EventDetails.QueueSettings(
            rs.getBoolean("queue_enabled"),
            instant(rs, "queue_opens_at"),
            (Integer) rs.getObject("queue_admission_per_minute"),
            (Integer) rs.getObject("queue_max_active_shoppers"),
            (Integer) rs.getObject("queue_token_ttl_seconds"));
    return new EventDetails(
        new EventId(rs.getObject("id", UUID.class)),
        new AccountId(rs.getObject("owner_id", UUID.class)),
        new EventDetails.Venue(
            new VenueId(rs.getObject("venue_id", UUID.class)),
            rs.getString("venue_name"),
            rs.getString("city"),
            rs.getString("address")),
        rs.getString("title"),
        rs.getString("performer"),
        rs.getString("description"),
        instant(rs, "starts_at"),
        instant(rs, "on_sale_at"),
        instant(rs, "off_sale_at"),
        Lifecycle.valueOf(rs.getString("lifecycle")),
        Duration.ofSeconds(rs.getInt("hold_ttl_seconds")),
        rs.getInt("max_tickets_per_customer"),
        queue,
        tiers,
        sections,
        rs.getInt("version"),
        (Integer) rs.getObject("customer_cancellation_hours"));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    var timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
