package io.boxoffice.loadtest.history;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.boxoffice.loadtest.http.Response;

/**
 * What the client knows about an operation's effect: it happened ({@code ok}), it did not ({@code
 * fail}: a 4xx refusal, or a request never sent), or it may have ({@code unknown}: timeout, reset,
 * 5xx).
 */
public enum Outcome {
  OK("ok"),
  FAIL("fail"),
  UNKNOWN("unknown");

  private final String label;

  Outcome(String label) {
    this.label = label;
  }

  public static Outcome of(Response response) {
    if (response.ok()) {
      return OK;
    }
    return response.status() >= 400 && response.status() < 500 ? FAIL : UNKNOWN;
  }

  @JsonValue
  public String label() {
    return label;
  }

  @JsonCreator
  public static Outcome fromLabel(String label) {
    for (var outcome : values()) {
      if (outcome.label.equals(label)) {
        return outcome;
      }
    }
    throw new IllegalArgumentException("unknown outcome " + label);
  }
}
