package io.boxoffice.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.util.List;

/**
 * Generates a seated section: {@code rows} rows of {@code seatsPerRow} seats, straight or curved
 * around a focal point (the stage), rotated and moved into place so that stands can surround a
 * pitch. Rows are labelled A, B, ... Z, AA, AB ... (or 1, 2, ...) from the front; seats are
 * numbered 1..n from the left as seen from the stage.
 *
 * @param originX x of the front-centre point of the section (default 0)
 * @param originY y of the front-centre point of the section (default 0)
 * @param rotationDegrees clockwise turn; 0 means rows run left to right and grow downwards
 * @param seatSpacing distance between seat centres along a row (default 1)
 * @param rowSpacing distance between rows (default 1.2)
 * @param curveRadius CURVED only: distance from the front row to the focal point (default 20)
 */
public record SeatGenerator(
    @Min(1) @Max(200) int rows,
    @Min(1) @Max(500) int seatsPerRow,
    Shape shape,
    Double originX,
    Double originY,
    Double rotationDegrees,
    @Positive Double seatSpacing,
    @Positive Double rowSpacing,
    @Positive Double curveRadius,
    RowLabels rowLabels,
    List<@Valid SeatRange> accessible,
    List<@Valid SeatRange> companion,
    List<@Valid SeatRange> restrictedView) {

  public enum Shape {
    STRAIGHT,
    CURVED
  }

  public enum RowLabels {
    LETTERS,
    NUMBERS
  }

  /** Seats {@code from}..{@code to} (inclusive) of one row. */
  public record SeatRange(@NotBlank String row, @Min(1) int from, @Min(1) int to) {

    public boolean contains(String rowLabel, int number) {
      return row.equals(rowLabel) && number >= from && number <= to;
    }
  }

  /** {@code rows} straight rows of {@code seatsPerRow} seats with every other setting defaulted. */
  public static SeatGenerator grid(int rows, int seatsPerRow) {
    return new SeatGenerator(
        rows, seatsPerRow, null, null, null, null, null, null, null, null, null, null, null);
  }

  public int seatCount() {
    return rows * seatsPerRow;
  }
}
