package io.boxoffice.loadtest.http;

import tools.jackson.databind.JsonNode;

/**
 * What came back: an HTTP status and body, or status 0 with the transport error (timeout, reset,
 * refused) when no answer arrived.
 */
public record Response(int status, String body, String error) {

  static Response failed(Throwable error) {
    var message = error.getClass().getSimpleName();
    if (error.getMessage() != null) {
      message += ": " + error.getMessage();
    }
    return new Response(0, "", message);
  }

  public boolean ok() {
    return status >= 200 && status < 300;
  }

  public JsonNode json() {
    return Json.parse(body);
  }

  /**
   * Why it failed: the last segment of a problem+json {@code type} (e.g. {@code
   * seats-unavailable}), the transport error, or the bare status.
   */
  public String reason() {
    if (status == 0) {
      return error;
    }
    if (ok()) {
      return null;
    }
    if (body.startsWith("{")) {
      try {
        var type = Json.text(json(), "type");
        if (type != null) {
          return type.substring(type.lastIndexOf('/') + 1);
        }
      } catch (RuntimeException notJson) {
        // fall through to the status
      }
    }
    return "http-" + status;
  }

  /** Throws unless the status is one of {@code expected}: set-up calls must succeed. */
  public Response expect(String what, int... expected) {
    for (int status : expected) {
      if (this.status == status) {
        return this;
      }
    }
    throw new IllegalStateException(
        what + " failed: " + (status == 0 ? error : status + " " + abbreviated()));
  }

  private String abbreviated() {
    return body.length() > 500 ? body.substring(0, 500) + "..." : body;
  }
}
