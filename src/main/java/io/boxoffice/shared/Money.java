package io.boxoffice.shared;

import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in minor units (cents) of one currency. Never a floating-point number.
 *
 * @param amount minor units, never negative for prices
 * @param currency ISO 4217 code such as {@code EUR}
 */
public record Money(long amount, String currency) {

  public Money {
    Objects.requireNonNull(currency, "currency");
    Currency.getInstance(currency); // rejects unknown codes
  }

  public static Money of(long amount, String currency) {
    return new Money(amount, currency);
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.addExact(amount, other.amount), currency);
  }

  public Money times(int quantity) {
    return new Money(Math.multiplyExact(amount, quantity), currency);
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "cannot add " + other.currency + " to " + currency + " money");
    }
  }
}
