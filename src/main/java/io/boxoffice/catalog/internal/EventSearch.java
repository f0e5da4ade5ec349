package io.boxoffice.catalog.internal;

import io.boxoffice.catalog.EventDetails;
import io.boxoffice.catalog.EventId;
import io.boxoffice.catalog.EventPage;
import io.boxoffice.catalog.EventQuery;
import io.boxoffice.catalog.EventStatus.Lifecycle;
import io.boxoffice.catalog.EventSummary;
import io.boxoffice.catalog.VenueId;
import io.boxoffice.shared.Money;
import java.sql.Timestamp;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Search over non-draft events with text, date and city filters, soonest first. */
@Repository
class EventSearch {

  private static final String FILTER =
      """
      from event e join venue v on v.id = e.venue_id
      where e.lifecycle <> 'DRAFT'
        and (cast(:text as text) is null
             or e.title ilike :pattern escape '\\' or e.performer ilike :pattern escape '\\'
             or v.name ilike :pattern escape '\\' or v.city ilike :pattern escape '\\')
        and (cast(:city as text) is null or lower(v.city) = lower(:city))
        and (cast(:from as timestamptz) is null or e.starts_at >= :from)
        and (cast(:to as timestamptz) is null or e.starts_at < :to)
      """;

  private final JdbcClient jdbc;

  EventSearch(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  EventPage search(EventQuery query) {
    long total = bind(jdbc.sql("select count(*) " + FILTER), query).query(Long.class).single();
    var items =
        bind(
                jdbc.sql(
                    """
                    select e.id, e.title, e.performer, e.starts_at, e.on_sale_at, e.off_sale_at,
                        e.lifecycle, v.id as venue_id, v.name as venue_name, v.city, v.address,
                        (select min(amount) from price_tier where event_id = e.id) as min_amount,
                        (select max(amount) from price_tier where event_id = e.id) as max_amount,
                        (select min(currency) from price_tier where event_id = e.id) as currency
                    """
                        + FILTER
                        + " order by e.starts_at, e.id limit :limit offset :offset"),
                query)
            .param("limit", query.size())
            .param("offset", (long) query.page() * query.size())
            .query(
                (rs, n) -> {
                  var currency = rs.getString("currency");
                  return new EventSummary(
                      new EventId(rs.getObject("id", UUID.class)),
                      rs.getString("title"),
                      rs.getString("performer"),
                      EventRepository.instant(rs, "starts_at"),
                      EventRepository.instant(rs, "on_sale_at"),
                      EventRepository.instant(rs, "off_sale_at"),
                      Lifecycle.valueOf(rs.getString("lifecycle")),
                      new EventDetails.Venue(
                          new VenueId(rs.getObject("venue_id", UUID.class)),
                          rs.getString("venue_name"),
                          rs.getString("city"),
                          rs.getString("address")),
                      currency == null ? null : Money.of(rs.getLong("min_amount"), currency),
                      currency == null ? null : Money.of(rs.getLong("max_amount"), currency));
                })
            .list();
    return new EventPage(items, query.page(), query.size(), total);
  }

  private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, EventQuery query) {
    var text = blankToNull(query.text());
    return spec.param("text", text)
        .param("pattern", text == null ? null : "%" + escapeLike(text) + "%")
        .param("city", blankToNull(query.city()))
        .param("from", query.from() == null ? null : Timestamp.from(query.from()))
        .param("to", query.to() == null ? null : Timestamp.from(query.to()));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** The text is matched literally: {@code %} and {@code _} are not wildcards. */
  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
