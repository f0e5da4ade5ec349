package io.boxoffice.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.boxoffice.catalog.SeatGenerator;
import io.boxoffice.catalog.SeatGenerator.RowLabels;
import io.boxoffice.catalog.SeatGenerator.SeatRange;
import io.boxoffice.catalog.SeatGenerator.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayoutGeneratorTest {

  private static SeatGenerator straight(int rows, int perRow) {
    return SeatGenerator.grid(rows, perRow);
  }

  @Test
  void generatesRowsTimesSeatsLabelledFromTheFront() {
    var seats = LayoutGenerator.generate(straight(3, 4));

    assertThat(seats).hasSize(12);
    assertThat(seats).extracting(Layout.SeatSpec::row).containsOnly("A", "B", "C");
    assertThat(seats.subList(0, 4))
        .extracting(Layout.SeatSpec::number)
        .containsExactly("1", "2", "3", "4");
    assertThat(seats.subList(4, 8))
        .extracting(Layout.SeatSpec::position)
        .containsExactly(0, 1, 2, 3);
    assertThat(seats.get(11).rowIndex()).isEqualTo(2);
  }

  @Test
  void straightRowsAreEvenlySpacedAndCentredOnTheOrigin() {
    var seats = LayoutGenerator.generate(straight(2, 3));

    assertThat(seats.get(0).x()).isEqualTo(-1.0);
    assertThat(seats.get(1).x()).isEqualTo(0.0);
    assertThat(seats.get(2).x()).isEqualTo(1.0);
    assertThat(seats.get(0).y()).isEqualTo(0.0);
    assertThat(seats.get(3).y()).isEqualTo(1.2);
  }

  @Test
  void curvedRowsKeepEverySeatOfARowAtTheSameDistanceFromTheStage() {
    double radius = 10;
    var spec =
        new SeatGenerator(
            3, 9, Shape.CURVED, 0.0, 0.0, 0.0, 1.0, 2.0, radius, null, null, null, null);
    var seats = LayoutGenerator.generate(spec);

    for (var seat : seats) {
      double distance = Math.hypot(seat.x(), seat.y() + radius);
      assertThat(distance).isCloseTo(radius + seat.rowIndex() * 2.0, within(0.02));
    }
    // seats along a row are one seat spacing apart (measured along the arc, close to the chord)
    double chord =
        Math.hypot(seats.get(1).x() - seats.get(0).x(), seats.get(1).y() - seats.get(0).y());
    assertThat(chord).isCloseTo(1.0, within(0.02));
  }

  @Test
  void rotationTurnsTheSectionAroundItsOrigin() {
    var spec =
        new SeatGenerator(
            2, 1, Shape.STRAIGHT, 100.0, 50.0, 90.0, null, 1.0, null, null, null, null, null);
    var seats = LayoutGenerator.generate(spec);

    // rows grow along -x after a quarter turn clockwise
    assertThat(seats.get(0).x()).isEqualTo(100.0);
    assertThat(seats.get(0).y()).isEqualTo(50.0);
    assertThat(seats.get(1).x()).isEqualTo(99.0);
    assertThat(seats.get(1).y()).isEqualTo(50.0);
  }

  @Test
  void rowLabelsContinueWithDoubleLettersAfterZ() {
    assertThat(LayoutGenerator.rowLabel(0, RowLabels.LETTERS)).isEqualTo("A");
    assertThat(LayoutGenerator.rowLabel(25, RowLabels.LETTERS)).isEqualTo("Z");
    assertThat(LayoutGenerator.rowLabel(26, RowLabels.LETTERS)).isEqualTo("AA");
    assertThat(LayoutGenerator.rowLabel(27, RowLabels.LETTERS)).isEqualTo("AB");
    assertThat(LayoutGenerator.rowLabel(701, RowLabels.LETTERS)).isEqualTo("ZZ");
    assertThat(LayoutGenerator.rowLabel(702, RowLabels.LETTERS)).isEqualTo("AAA");
    assertThat(LayoutGenerator.rowLabel(4, RowLabels.NUMBERS)).isEqualTo("5");
  }

  @Test
  void marksAccessibleCompanionAndRestrictedViewSeatsByRange() {
    var spec =
        new SeatGenerator(
            2,
            5,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(new SeatRange("A", 1, 2)),
            List.of(new SeatRange("A", 3, 3)),
            List.of(new SeatRange("B", 4, 5)));
    var seats = LayoutGenerator.generate(spec);

    assertThat(seats)
        .filteredOn(Layout.SeatSpec::accessible)
        .extracting(s -> s.row() + s.number())
        .containsExactly("A1", "A2");
    assertThat(seats)
        .filteredOn(Layout.SeatSpec::companion)
        .extracting(s -> s.row() + s.number())
        .containsExactly("A3");
    assertThat(seats)
        .filteredOn(Layout.SeatSpec::restrictedView)
        .extracting(s -> s.row() + s.number())
        .containsExactly("B4", "B5");
  }
}
