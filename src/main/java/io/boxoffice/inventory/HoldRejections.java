package io.boxoffice.inventory;

import io.boxoffice.shared.Conflict;
import io.boxoffice.shared.DomainException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Why a hold was refused; each maps to one problem type. */
public final class HoldRejections {

  private HoldRejections() {}

  /** Some requested seats are held or sold (or being claimed right now): nothing was held. */
  public static final class SeatsUnavailable extends DomainException {
    private final List<UUID> seats;

    public SeatsUnavailable(Collection<UUID> seats) {
      super(
          409,
          "seats-unavailable",
          "Seats unavailable",
          seats.size() + " of the requested seats are no longer available; nothing was held",
          Map.of("unavailableSeats", List.copyOf(seats)));
      this.seats = List.copyOf(seats);
    }

    public List<UUID> seats() {
      return seats;
    }
  }

  /** Fewer general-admission places are left than asked for. */
  public static final class NotEnoughPlaces extends DomainException {
    public NotEnoughPlaces(int requested, int remaining) {
      super(
          409,
          "not-enough-places",
          "Not enough places",
          "Asked for " + requested + " places, " + remaining + " left",
          Map.of("remaining", remaining));
    }
  }

  /** Best-available found no block of adjacent seats in one row. */
  public static final class NoAdjacentSeats extends DomainException {
    public NoAdjacentSeats(int quantity) {
      super(
          409,
          "no-adjacent-seats",
          "No adjacent seats",
          "No " + quantity + " adjacent seats are available in one row; try fewer seats");
    }
  }

  /** The customer would have more tickets for this event than it allows. */
  public static final class LimitExceeded extends DomainException {
    public LimitExceeded(int limit, int already, int requested) {
      super(
          422,
          "ticket-limit",
          "Ticket limit reached",
          "At most "
              + limit
              + " tickets per customer for this event; you have "
              + already
              + " and asked for "
              + requested,
          Map.of("limit", limit, "current", already));
    }
  }

  /** A hold request that can never succeed as sent (unknown seats, wrong section kind...). */
  public static final class Unprocessable extends DomainException {
    public Unprocessable(String type, String title, String detail) {
      super(422, type, title, detail);
    }

    public Unprocessable(String type, String title, String detail, Map<String, Object> extra) {
      super(422, type, title, detail, extra);
    }
  }

  /** The hold is not in a state that allows this. */
  public static Conflict illegalTransition(HoldId hold, HoldStatus actual, HoldStatus target) {
    return new Conflict(
        "illegal-transition",
        "Illegal transition",
        "Hold " + hold + " is " + actual + " and cannot become " + target);
  }
}
