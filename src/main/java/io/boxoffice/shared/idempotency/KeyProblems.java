package io.boxoffice.shared.idempotency;

import io.boxoffice.shared.web.ProblemResponses;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;

/**
 * The filter's own answers, as problem+json. They are written before or instead of the request, so
 * no controller (and no {@code ProblemHandler}) is involved.
 */
final class KeyProblems {

  private KeyProblems() {}

  static void missing(HttpServletResponse response) throws IOException {
    ProblemResponses.write(
        response,
        HttpStatus.BAD_REQUEST,
        "idempotency-key-missing",
        "Idempotency-Key missing",
        "This request needs an Idempotency-Key header (a fresh UUID per operation)");
  }

  static void invalid(HttpServletResponse response) throws IOException {
    ProblemResponses.write(
        response,
        HttpStatus.BAD_REQUEST,
        "idempotency-key-invalid",
        "Idempotency-Key invalid",
        "Send exactly one Idempotency-Key of 1 to 255 printable ASCII characters");
  }

  static void reused(HttpServletResponse response) throws IOException {
    ProblemResponses.write(
        response,
        HttpStatus.UNPROCESSABLE_CONTENT,
        "idempotency-key-reused",
        "Idempotency-Key reused",
        "This Idempotency-Key was used for a different request; use a new key for a new request");
  }

  static void inFlight(HttpServletResponse response) throws IOException {
    ProblemResponses.write(
        response,
        HttpStatus.CONFLICT,
        "idempotency-key-in-flight",
        "Request in progress",
        "A request with this Idempotency-Key is still running; retry shortly");
  }

  static void failed(HttpServletResponse response) throws IOException {
    ProblemResponses.write(
        response,
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal-error",
        "Internal error",
        "Something went wrong on our side; nothing was changed and you may retry");
  }
}
