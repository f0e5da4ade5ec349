package io.boxoffice.shared;

import java.util.Map;

/** The request is well-formed JSON but breaks a rule that the bean constraints cannot express. */
public class InvalidRequest extends DomainException {

  public InvalidRequest(String field, String message) {
    super(
        400,
        "invalid-request",
        "Invalid request",
        field + ": " + message,
        Map.of("errors", java.util.List.of(Map.of("field", field, "message", message))));
  }
}
