package io.boxoffice.loadtest.setup;

import java.util.List;

/**
 * An event to create for a run: its sections, hold lifetime, per-customer limit, and optionally a
 * waiting room.
 */
public record EventPlan(
    String title,
    List<Section> sections,
    int holdTtlSeconds,
    int maxTicketsPerCustomer,
    WaitingRoom waitingRoom) {

  /** The API's shortest hold; shorter ones are set in the database after publishing. */
  static final int API_MIN_HOLD_TTL = 30;

  /** A seated section of {@code rows} × {@code seatsPerRow}, or general admission. */
  public record Section(String name, int rows, int seatsPerRow, int capacity) {

    public static Section seated(String name, int rows, int seatsPerRow) {
      return new Section(name, rows, seatsPerRow, 0);
    }

    public static Section generalAdmission(String name, int capacity) {
      return new Section(name, 0, 0, capacity);
    }

    public boolean generalAdmission() {
      return capacity > 0;
    }
  }

  public record WaitingRoom(int admissionRatePerMinute, int maxActiveShoppers) {}

  /**
   * Exactly {@code seats} seats in sections of one row of at most 500 (the generator's longest
   * row), so that best-available of one seat has a single row to search per section.
   */
  public static List<Section> seatsInRows(int seats) {
    var sections = new java.util.ArrayList<Section>();
    for (int left = seats, n = 1; left > 0; left -= 500, n++) {
      sections.add(Section.seated("Row block " + n, 1, Math.min(500, left)));
    }
    return List.copyOf(sections);
  }
}
