package io.boxoffice.admission.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The start-time draw: uniform over positions, reproducible from its seed. Seeds and entry ids are
 * fixed, so the statistical test gives the same answer on every run.
 */
class DrawTest {

  private static final int ARRIVALS = 10;
  private static final int DRAWS = 10_000;

  /** Chi-square, 9 degrees of freedom, p = 0.001. */
  private static final double CRITICAL = 27.877;

  private static String seed(int i) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256")
                .digest(("boxoffice-draw-" + i).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void everyEarlyArrivalIsEquallyLikelyToEndUpInEveryPosition() throws Exception {
    var counts = new long[ARRIVALS][ARRIVALS]; // [arrival order][drawn position]
    for (int d = 0; d < DRAWS; d++) {
      int draw = d;
      var arrivals =
          IntStream.range(0, ARRIVALS)
              .mapToObj(i -> UUID.nameUUIDFromBytes(("arrival-" + draw + "-" + i).getBytes()))
              .toList();
      var order = Draw.of(seed(d), arrivals).order();
      for (int arrival = 0; arrival < ARRIVALS; arrival++) {
        counts[arrival][order.indexOf(arrivals.get(arrival))]++;
      }
    }
    double expected = DRAWS / (double) ARRIVALS;
    for (int arrival = 0; arrival < ARRIVALS; arrival++) {
      double chiSquare = 0;
      for (int position = 0; position < ARRIVALS; position++) {
        var diff = counts[arrival][position] - expected;
        chiSquare += diff * diff / expected;
      }
      assertThat(chiSquare)
          .as("chi-square of arrival %d's positions", arrival)
          .isLessThan(CRITICAL);
    }
  }

  @Test
  void theSameSeedGivesTheSameOrderAndAnotherSeedAnotherOne() throws Exception {
    var arrivals = IntStream.range(0, 50).mapToObj(i -> UUID.randomUUID()).toList();
    var draw = Draw.of(seed(1), arrivals);
    assertThat(draw.order()).containsExactlyInAnyOrderElementsOf(arrivals);
    assertThat(Draw.of(seed(1), List.copyOf(arrivals).reversed()).order()).isEqualTo(draw.order());
    assertThat(Draw.of(seed(2), arrivals).order()).isNotEqualTo(draw.order());
    assertThat(Draw.newSeed()).hasSize(64).isNotEqualTo(Draw.newSeed());
  }
}
