package io.boxoffice.loadtest.scenario;

import io.boxoffice.loadtest.http.Json;
import io.boxoffice.loadtest.setup.EventFixture;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * What a fan's seat map shows: the stadium's rows and the seats the last {@code GET /availability}
 * reported held or sold (refreshed about once a second, as a seat map with a live stream would be).
 * Fans pick adjacent seats that look free; some are gone by the time they ask (409
 * seats-unavailable), as in a real on-sale.
 */
final class SeatMapView {

  private final List<List<UUID>> rows = new ArrayList<>();
  private volatile Set<UUID> unavailable = Set.of();

  /** Seats learnt to be gone since the last refresh: from 409s and from the fans' own holds. */
  private final Set<UUID> learnt = ConcurrentHashMap.newKeySet();

  SeatMapView(EventFixture event, int seatsPerRow) {
    for (var section : event.sections()) {
      var seats = section.seats();
      for (int from = 0; from < seats.size(); from += seatsPerRow) {
        rows.add(seats.subList(from, Math.min(seats.size(), from + seatsPerRow)));
      }
    }
  }

  /** Takes in an answer of {@code GET /api/v1/events/{id}/availability}. */
  void update(String availability) {
    var seats = new HashSet<UUID>();
    for (var seat : Json.parse(availability).get("unavailableSeats")) {
      seats.add(UUID.fromString(seat.asString()));
    }
    unavailable = Set.copyOf(seats);
    learnt.clear();
  }

  /** Marks seats as gone until the next refresh. */
  void taken(Collection<UUID> seats) {
    learnt.addAll(seats);
  }

  /**
   * {@code quantity} adjacent seats that look free: a few random rows first, then every row from a
   * random one on; fewer seats if no row has that many together; empty if the map shows none.
   */
  List<UUID> pick(int quantity) {
    var shown = unavailable;
    Predicate<UUID> taken = seat -> shown.contains(seat) || learnt.contains(seat);
    var random = ThreadLocalRandom.current();
    for (int attempt = 0; attempt < 10; attempt++) {
      var block =
          block(rows.get(random.nextInt(rows.size())), quantity, taken, random.nextInt(1_000));
      if (!block.isEmpty()) {
        return block;
      }
    }
    for (int wanted = quantity; wanted > 0; wanted--) {
      int first = random.nextInt(rows.size());
      for (int i = 0; i < rows.size(); i++) {
        var block = block(rows.get((first + i) % rows.size()), wanted, taken, 0);
        if (!block.isEmpty()) {
          return block;
        }
      }
    }
    return List.of();
  }

  private static List<UUID> block(List<UUID> row, int quantity, Predicate<UUID> taken, int offset) {
    for (int i = 0; i + quantity <= row.size(); i++) {
      int start = (i + offset) % (row.size() - quantity + 1);
      var block = row.subList(start, start + quantity);
      if (block.stream().noneMatch(taken)) {
        return block;
      }
    }
    return List.of();
  }
}
