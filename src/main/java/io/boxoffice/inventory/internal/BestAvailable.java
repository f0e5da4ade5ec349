package io.boxoffice.inventory.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

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

  /** A candidate block: {@code quantity} seats of a run starting at {@code offset}. */
  private record Block(
      List<Seat> run, int offset, boolean leavesOrphan, int worstTierRank, double offCentre) {
    Seat first() {
      return run.get(offset);
    }
  }

  private record RowKey(UUID sectionId, int rowIndex) {}

  private static final Comparator<Block> PREFERENCE =
      Comparator.comparing(Block::leavesOrphan)
          .thenComparingInt(Block::worstTierRank)
          .thenComparingInt(b -> b.first().rowIndex())
          .thenComparingInt(b -> b.first().sectionOrder())
          .thenComparingDouble(Block::offCentre)
          .thenComparingInt(b -> b.first().position());

  private BestAvailable() {}

  static Optional<List<UUID>> choose(List<Seat> claimable, int quantity) {
    return choose(claimable, quantity, 1, RandomGenerator.getDefault());
  }

  /**
   * One of the {@code among} best blocks, picked at random, among those as good as the best in
   * orphans and tier (they differ only in row, section and centring). {@code among = 1} is the best
   * block. Buyers who lost the best block to each other spread over the next ones this way instead
   * of all asking for the same second-best block again.
   */
  static Optional<List<UUID>> choose(
      List<Seat> claimable, int quantity, int among, RandomGenerator random) {
    var rows = new HashMap<RowKey, List<Seat>>();
    for (var seat : claimable) {
      rows.computeIfAbsent(new RowKey(seat.sectionId(), seat.rowIndex()), k -> new ArrayList<>())
          .add(seat);
    }
    var top = new ArrayList<Block>(among + 1);
    for (var row : rows.values()) {
      row.sort(BY_POSITION);
      int start = 0;
      for (int i = 1; i <= row.size(); i++) {
        if (i == row.size() || row.get(i).position() != row.get(i - 1).position() + 1) {
          var run = row.subList(start, i);
          for (int offset = 0; offset + quantity <= run.size(); offset++) {
            keepIfAmongBest(top, block(run, offset, quantity), among);
          }
          start = i;
        }
      }
    }
    if (top.isEmpty()) {
      return Optional.empty();
    }
    var best = top.getFirst();
    var alike =
        top.stream()
            .filter(
                b ->
                    b.leavesOrphan() == best.leavesOrphan()
                        && b.worstTierRank() == best.worstTierRank())
            .toList();
    var chosen = alike.get(random.nextInt(alike.size()));
    return Optional.of(
        chosen.run().subList(chosen.offset(), chosen.offset() + quantity).stream()
            .map(Seat::seatId)
            .toList());
  }

  /** Keeps {@code top} the best {@code among} blocks seen so far, best first. */
  private static void keepIfAmongBest(List<Block> top, Block block, int among) {
    if (top.size() == among && PREFERENCE.compare(block, top.getLast()) >= 0) {
      return;
    }
    int at = top.size();
    while (at > 0 && PREFERENCE.compare(block, top.get(at - 1)) < 0) {
      at--;
    }
    top.add(at, block);
    if (top.size() > among) {
      top.removeLast();
    }
  }

  private static final Comparator<Seat> BY_POSITION = Comparator.comparingInt(Seat::position);

  /** The block of {@code run} (consecutive positions) at {@code offset}, described for ranking. */
  private static Block block(List<Seat> run, int offset, int quantity) {
    int right = run.size() - offset - quantity;
    int worstTier = Integer.MIN_VALUE;
    for (int i = offset; i < offset + quantity; i++) {
      worstTier = Math.max(worstTier, run.get(i).tierRank());
    }
    var first = run.get(offset);
    double centre = (first.position() + run.get(offset + quantity - 1).position()) / 2.0;
    return new Block(
        run, offset, offset == 1 || right == 1, worstTier, Math.abs(centre - first.rowMiddle()));
  }
}
