package io.boxoffice.catalog;

import java.util.Objects;
import java.util.UUID;

/** Identifies an event (the concert, match or show); random, never sequential. */
public record EventId(UUID value) {

  public EventId {
    Objects.requireNonNull(value, "value");
  }

  public static EventId random() {
    return new EventId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
