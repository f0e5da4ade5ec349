package io.boxoffice.checkout;

import java.util.Objects;
import java.util.UUID;

/** Identifies an order; random, never sequential. */
public record OrderId(UUID value) {

  public OrderId {
    Objects.requireNonNull(value, "value");
  }

  public static OrderId random() {
    return new OrderId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
