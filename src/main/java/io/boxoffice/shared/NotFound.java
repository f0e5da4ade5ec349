package io.boxoffice.shared;

/** The resource does not exist, or the caller may not know that it does (someone else's hold). */
public class NotFound extends DomainException {

  public NotFound(String what, Object id) {
    super(404, "not-found", "Not found", what + " " + id + " does not exist");
  }
}
