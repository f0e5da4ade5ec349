package io.boxoffice.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Best-available over randomly filled rows: adjacent, one row, and no avoidable orphan. */
class BestAvailableProperties {

  /** A section of rows; each row a list of free/taken flags. */
  record Hall(List<List<Boolean>> rows) {}

  @Provide
  Arbitrary<Hall> halls() {
    var row = Arbitraries.of(true, false).list().ofMinSize(1).ofMaxSize(20);
    return row.list().ofMinSize(1).ofMaxSize(6).map(Hall::new);
  }

  private static List<BestAvailable.Seat> claimable(Hall hall, Map<UUID, int[]> where) {
    var seats = new ArrayList<BestAvailable.Seat>();
    var section = UUID.randomUUID();
    for (int r = 0; r < hall.rows().size(); r++) {
      var row = hall.rows().get(r);
      for (int p = 0; p < row.size(); p++) {
        if (row.get(p)) {
          var id = UUID.randomUUID();
          where.put(id, new int[] {r, p});
          seats.add(new BestAvailable.Seat(id, section, 0, r, p, 0, (row.size() - 1) / 2.0));
        }
      }
    }
    return seats;
  }

  /** Does taking [from, from + n) of the row leave a lone free seat beside the block? */
  private static boolean leavesOrphan(List<Boolean> row, int from, int n) {
    boolean leftOrphan = from >= 1 && row.get(from - 1) && (from - 2 < 0 || !row.get(from - 2));
    int after = from + n;
    boolean rightOrphan =
        after < row.size() && row.get(after) && (after + 1 >= row.size() || !row.get(after + 1));
    return leftOrphan || rightOrphan;
  }

  private static boolean anyOrphanFreeBlock(Hall hall, int n) {
    for (var row : hall.rows()) {
      for (int from = 0; from + n <= row.size(); from++) {
        boolean free = true;
        for (int i = from; i < from + n; i++) {
          free &= row.get(i);
        }
        if (free && !leavesOrphan(row, from, n)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean anyBlock(Hall hall, int n) {
    return hall.rows().stream()
        .anyMatch(
            row -> {
              int run = 0;
              for (var free : row) {
                run = free ? run + 1 : 0;
                if (run >= n) {
                  return true;
                }
              }
              return false;
            });
  }

  @Property(tries = 2_000, seed = "20261128")
  void picksAdjacentSeatsInOneRowAndAvoidsOrphansWhenItCan(
      @ForAll("halls") Hall hall,
      @ForAll @IntRange(min = 1, max = 6) int quantity,
      @ForAll @IntRange(min = 1, max = 16) int among,
      @ForAll long seed) {
    var where = new HashMap<UUID, int[]>();
    // spread over the best blocks or not, the rules hold
    var choice = BestAvailable.choose(claimable(hall, where), quantity, among, new Random(seed));

    assertThat(choice.isPresent()).isEqualTo(anyBlock(hall, quantity));
    if (choice.isEmpty()) {
      return;
    }
    var seats = choice.get();
    assertThat(seats).hasSize(quantity);
    int row = where.get(seats.getFirst())[0];
    int first = where.get(seats.getFirst())[1];
    for (int i = 0; i < seats.size(); i++) {
      assertThat(where.get(seats.get(i))).containsExactly(row, first + i);
    }
    if (anyOrphanFreeBlock(hall, quantity)) {
      assertThat(leavesOrphan(hall.rows().get(row), first, quantity)).isFalse();
    }
  }

  @Property(tries = 200, seed = "20261128")
  void prefersTheBestTierThenTheFrontRow(
      @ForAll @IntRange(min = 1, max = 4) int quantity,
      @ForAll @IntRange(min = 1, max = 16) int among,
      @ForAll long seed) {
    var section = UUID.randomUUID();
    var seats = new ArrayList<BestAvailable.Seat>();
    var tierOf = new HashMap<UUID, Integer>();
    var rowOf = new HashMap<UUID, Integer>();
    // rows 0-1 are tier 1, rows 2-3 tier 0: the best tier is behind
    for (int r = 0; r < 4; r++) {
      for (int p = 0; p < 10; p++) {
        var id = UUID.randomUUID();
        int tier = r < 2 ? 1 : 0;
        tierOf.put(id, tier);
        rowOf.put(id, r);
        seats.add(new BestAvailable.Seat(id, section, 0, r, p, tier, 4.5));
      }
    }

    var best = BestAvailable.choose(seats, quantity).orElseThrow();
    var spread = BestAvailable.choose(seats, quantity, among, new Random(seed)).orElseThrow();

    assertThat(best).allSatisfy(id -> assertThat(tierOf.get(id)).isZero());
    assertThat(best).allSatisfy(id -> assertThat(rowOf.get(id)).isEqualTo(2));
    // spreading over the best blocks never gives up the better tier
    assertThat(spread).allSatisfy(id -> assertThat(tierOf.get(id)).isZero());
  }
}
