package io.boxoffice.identity;

/** What an account may do. Each account has exactly one role. */
public enum Role {
  /** Buys tickets. Everyone who registers is a customer. */
  CUSTOMER,
  /** Creates venues and events and watches their sales. */
  ORGANIZER,
  /** Checks tickets in at the door. */
  SCANNER;

  public String authority() {
    return "ROLE_" + name();
  }
}
