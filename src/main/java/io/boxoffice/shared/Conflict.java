package io.boxoffice.shared;

/** The request is valid but the resource's current state does not allow it (409). */
public class Conflict extends DomainException {

  public Conflict(String type, String title, String detail) {
    super(409, type, title, detail);
  }
}
