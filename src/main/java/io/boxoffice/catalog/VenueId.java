package io.boxoffice.catalog;

import java.util.Objects;
import java.util.UUID;

/** Identifies a venue; random, never sequential. */
public record VenueId(UUID value) {

  public VenueId {
    Objects.requireNonNull(value, "value");
  }

  public static VenueId random() {
    return new VenueId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
