package io.boxoffice.shared.idempotency;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * What a repeated request gets back: the first answer's status, body bytes, Content-Type and
 * Location. Other headers are not kept; none of the API's POSTs set one a client relies on.
 */
record StoredResponse(int status, byte[] body, String contentType, String location) {

  static final String REPLAYED = "Idempotent-Replayed";

  static StoredResponse of(ContentCachingResponseWrapper response) {
    return new StoredResponse(
        response.getStatus(),
        response.getContentAsByteArray(),
        response.getContentType(),
        response.getHeader(HttpHeaders.LOCATION));
  }

  boolean succeeded() {
    return status < 400;
  }

  boolean serverError() {
    return status >= 500;
  }

  void replayTo(HttpServletResponse response) throws IOException {
    response.setStatus(status);
    if (contentType != null) {
      response.setContentType(contentType);
    }
    if (location != null) {
      response.setHeader(HttpHeaders.LOCATION, location);
    }
    response.setHeader(REPLAYED, "true");
    var bytes = body == null ? new byte[0] : body;
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
