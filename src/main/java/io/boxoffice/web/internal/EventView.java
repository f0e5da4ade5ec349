package io.boxoffice.web.internal;

import io.boxoffice.catalog.EventDetails;
import io.boxoffice.catalog.PriceTier;
import io.boxoffice.catalog.SeatMap;
import io.boxoffice.catalog.SectionKind;
import io.boxoffice.catalog.StockLevels.Stock;
import io.boxoffice.inventory.Availability;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The event page: what, who, where and when, the price tiers with their colours, the seat map and
 * the general-admission areas with what is left. Built from module API types only; every field is
 * display text, so the template has nothing to compute.
 *
 * @param seatMap null when the venue has no seats (general admission only)
 * @param seatsLeft "1,134 of 1,200 seats available", null without seats or inventory
 */
record EventView(
    String id,
    String title,
    String performer,
    String description,
    String venue,
    String city,
    String address,
    String startsAt,
    StatusBadge status,
    List<Tier> tiers,
    SeatMapView seatMap,
    String seatsLeft,
    List<Area> areas,
    boolean sellsNow,
    boolean waitingRoom,
    int maxTickets,
    String currency,
    String tierCentsJson,
    List<SeatedSection> seatedSections) {

  /** A seated section for the list view's section picker (large venues list one at a time). */
  record SeatedSection(String id, String name, int seats) {}

  /**
   * A legend entry.
   *
   * @param css the colour class its seats carry ({@code t0} for the best tier)
   */
  record Tier(String id, String css, String name, String price, long cents) {}

  /**
   * A general-admission area.
   *
   * @param placesLeft "350 places left", "Sold out", or "Not on sale yet" without inventory
   */
  record Area(String sectionId, String name, String tier, String placesLeft, int remaining) {}

  private static final Comparator<PriceTier> BY_RANK = Comparator.comparingInt(PriceTier::rank);

  static EventView of(
      EventDetails event,
      SeatMap map,
      Optional<Availability> availability,
      Stock stock,
      Instant now,
      Formats formats) {
    var legend = new ArrayList<Tier>();
    var tierCss = new HashMap<UUID, String>();
    var tierText = new HashMap<UUID, String>();
    for (var tier : event.priceTiers().stream().sorted(BY_RANK).toList()) {
      var price = formats.money(tier.price());
      tierCss.put(tier.id(), SeatMapView.tierCss(tier));
      tierText.put(tier.id(), tier.name() + " " + price);
      legend.add(
          new Tier(
              tier.id().toString(),
              SeatMapView.tierCss(tier),
              tier.name(),
              price,
              tier.price().amount()));
    }
    var unavailable =
        new HashSet<>(availability.map(Availability::unavailableSeats).orElse(List.of()));
    var seatMap = SeatMapView.of(map, unavailable, tierCss, tierText).orElse(null);
    var seatsLeft =
        seatMap == null
            ? null
            : availability
                .filter(a -> a.seatsTotal() > 0)
                .map(
                    a ->
                        formats.count(a.seatsAvailable())
                            + " of "
                            + formats.count(a.seatsTotal())
                            + " seats available")
                .orElse(null);
    return new EventView(
        event.id().toString(),
        event.title(),
        event.performer(),
        event.description(),
        event.venue().name(),
        event.venue().city(),
        event.venue().address(),
        formats.dateTime(event.startsAt()),
        StatusBadge.of(event.status(now, stock.soldOut()), stock, event.onSaleAt(), formats),
        List.copyOf(legend),
        seatMap,
        seatsLeft,
        areas(map, availability, tierText, formats),
        availability.isPresent()
            && event.lifecycle() == io.boxoffice.catalog.EventStatus.Lifecycle.PUBLISHED
            && !now.isBefore(event.onSaleAt())
            && now.isBefore(event.offSaleAt()),
        event.queue().enabled(),
        event.maxTicketsPerCustomer(),
        event.priceTiers().isEmpty() ? "EUR" : event.priceTiers().getFirst().price().currency(),
        legend.stream()
            .map(t -> "\"" + t.css() + "\":" + t.cents())
            .collect(java.util.stream.Collectors.joining(",", "{", "}")),
        map.sections().stream()
            .filter(section -> section.kind() == SectionKind.SEATED)
            .map(
                section ->
                    new SeatedSection(
                        section.id().toString(),
                        section.name(),
                        section.rows().stream().mapToInt(r -> r.seats().size()).sum()))
            .toList());
  }

  private static List<Area> areas(
      SeatMap map,
      Optional<Availability> availability,
      Map<UUID, String> tierText,
      Formats formats) {
    var remaining = new HashMap<UUID, Integer>();
    availability.ifPresent(
        a -> a.areas().forEach(x -> remaining.put(x.sectionId(), x.remaining())));
    return map.sections().stream()
        .filter(s -> s.kind() == SectionKind.GENERAL_ADMISSION)
        .map(
            s ->
                new Area(
                    s.id().toString(),
                    s.name(),
                    tierText.get(s.tierId()),
                    placesLeft(remaining.get(s.id()), formats),
                    remaining.getOrDefault(s.id(), 0)))
        .toList();
  }

  private static String placesLeft(Integer remaining, Formats formats) {
    if (remaining == null) {
      return "Not on sale yet";
    }
    return switch (remaining) {
      case 0 -> "Sold out";
      case 1 -> "1 place left";
      default -> formats.count(remaining) + " places left";
    };
  }
}
