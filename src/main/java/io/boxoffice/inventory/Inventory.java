package io.boxoffice.inventory;

import io.boxoffice.catalog.EventId;
import io.boxoffice.identity.AccountId;
import java.time.Duration;
import java.util.Optional;

/**
 * The inventory module's API: hold seats or places, give them back, and the steps checkout drives
 * (start checkout, confirm, return to active, abandon, refund). Every change is decided by a
 * conditional statement in PostgreSQL; an illegal transition throws a 409 and changes nothing.
 */
public interface Inventory {

  /** Availability of a published event; empty when the event has no inventory (a draft). */
  Optional<Availability> availability(EventId event);

  /** Seats and places available, held and sold (for the organizer's dashboard). */
  StockCounts counts(EventId event);

  /**
   * Holds all the requested seats or places, or none.
   *
   * @throws HoldRejections.SeatsUnavailable some seats are taken (409, names them)
   * @throws HoldRejections.LimitExceeded the customer's ticket limit would be passed (422)
   */
  Hold hold(AccountId customer, EventId event, HoldRequest request);

  Optional<Hold> find(HoldId hold);

  /** The hold if it belongs to the customer; someone else's hold does not exist for them. */
  Optional<Hold> findOwned(HoldId hold, AccountId customer);

  /** The customer gives an ACTIVE hold back. Releasing an already released hold does nothing. */
  void release(HoldId hold, AccountId customer);

  /**
   * ACTIVE → CHECKING_OUT: the hold can no longer expire until {@code paymentWindow} after its
   * expiry (or after now, if later). Refused once the hold has expired.
   */
  Hold startCheckout(HoldId hold, AccountId customer, Duration paymentWindow);

  /** CHECKING_OUT → ACTIVE after a declined payment; the original expiry still applies. */
  void returnToActive(HoldId hold);

  /**
   * CHECKING_OUT → CONFIRMED: the seats are sold, the places move from held to sold. Returns the
   * hold as confirmed.
   */
  Hold confirm(HoldId hold);

  /** CHECKING_OUT → RELEASED: the purchase failed for good; the seats come back. */
  void abandonCheckout(HoldId hold);

  /** CONFIRMED → RELEASED: refunded or cancelled; the sold seats come back on sale. */
  void refund(HoldId hold);
}
