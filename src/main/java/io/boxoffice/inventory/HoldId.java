package io.boxoffice.inventory;

import java.util.Objects;
import java.util.UUID;

/** Identifies a hold; random, never sequential. */
public record HoldId(UUID value) {

  public HoldId {
    Objects.requireNonNull(value, "value");
  }

  public static HoldId random() {
    return new HoldId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
