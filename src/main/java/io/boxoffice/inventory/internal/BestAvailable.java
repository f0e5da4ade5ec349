package io.boxoffice.inventory.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Picks {@code quantity} adjacent seats in one row from the claimable seats of a scope.
 *
 * <p>Preference, in order: a block that leaves no single orphan seat beside it (if any block in the
 * scope avoids one), the best tier (lowest rank), the front-most row, the section earliest in the
 * layout, the block closest to the middle of its row. Never scatters seats: if no row has {@code
 * quantity} consecutive claimable seats, there is no answer.
 */
final class BestAvailable {

  /** A claimable seat with where it sits. {@code rowMiddle} is the centre position of its row. */
  record Seat(
      UUID seatId,
      UUID sectionId,
      int sectionOrder,
      int rowIndex,
      int position,
      int tierRank,
      double rowMiddle) {}

  private record Block(
      List<Seat> seats, boolean leavesOrphan, int worstTierRank, double offCentre) {
    Seat first() {
      return seats.getFirst();
    }
  }

  private static final Comparator<Block> PREFERENCE =
      Comparator.comparing(Block::leavesOrphan)
          .thenComparingInt(Block::worstTierRank)
          .thenComparingInt(b -> b.first().rowIndex())
          .thenComparingInt(b -> b.first().sectionOrder())
          .thenComparingDouble(Block::offCentre)
          .thenComparingInt(b -> b.first().position());

  private BestAvailable() {}

  static Optional<List<UUID>> choose(List<Seat> claimable, int quantity) {
    var rows = new LinkedHashMap<String, List<Seat>>();
    for (var seat : claimable) {
      rows.computeIfAbsent(seat.sectionId() + "/" + seat.rowIndex(), k -> new ArrayList<>())
          .add(seat);
    }
    Block best = null;
    for (var row : rows.values()) {
      row.sort(Comparator.comparingInt(Seat::position));
      for (var run : runs(row)) {
        for (int offset = 0; offset + quantity <= run.size(); offset++) {
          var block = block(run, offset, quantity);
          if (best == null || PREFERENCE.compare(block, best) < 0) {
            best = block;
          }
        }
      }
    }
    return Optional.ofNullable(best).map(b -> b.seats().stream().map(Seat::seatId).toList());
  }

  /** Maximal stretches of consecutive positions. */
  private static List<List<Seat>> runs(List<Seat> row) {
    var runs = new ArrayList<List<Seat>>();
    var current = new ArrayList<Seat>();
    for (var seat : row) {
      if (!current.isEmpty() && seat.position() != current.getLast().position() + 1) {
        runs.add(current);
        current = new ArrayList<>();
      }
      current.add(seat);
    }
    if (!current.isEmpty()) {
      runs.add(current);
    }
    return runs;
  }

  private static Block block(List<Seat> run, int offset, int quantity) {
    var seats = run.subList(offset, offset + quantity);
    int left = offset;
    int right = run.size() - offset - quantity;
    int worstTier = seats.stream().mapToInt(Seat::tierRank).max().orElseThrow();
    double centre = (seats.getFirst().position() + seats.getLast().position()) / 2.0;
    return new Block(
        List.copyOf(seats),
        left == 1 || right == 1,
        worstTier,
        Math.abs(centre - seats.getFirst().rowMiddle()));
  }
}
