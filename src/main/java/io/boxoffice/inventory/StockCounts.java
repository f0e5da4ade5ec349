package io.boxoffice.inventory;

/** How an event's seats and general-admission places stand right now (seats and places summed). */
public record StockCounts(int available, int held, int sold) {

  public int total() {
    return available + held + sold;
  }
}
