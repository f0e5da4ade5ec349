package io.boxoffice.web.internal;

import io.boxoffice.shared.Money;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Turns money and instants into the text the pages show, in one place so every page writes "€29.00"
 * and "Sat 14 Jun 2025, 19:30 CEST" the same way. English for now: the pages are not translated
 * yet, and {@link Locale#ENGLISH} avoids en-GB's "Sept".
 */
@Component
class Formats {

  private static final Locale LOCALE = Locale.ENGLISH;

  private final DateTimeFormatter dateTime;
  private final DateTimeFormatter date;
  private final java.time.ZoneId zone;

  Formats(WebProperties properties) {
    this.zone = properties.timeZone();
    this.dateTime =
        DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z", LOCALE)
            .withZone(properties.timeZone());
    this.date = DateTimeFormatter.ofPattern("d MMM yyyy", LOCALE).withZone(properties.timeZone());
  }

  /** The zone the site shows times in; a day a visitor picks starts at midnight there. */
  java.time.ZoneId zone() {
    return zone;
  }

  /** Minor units in the currency's own precision: 2900 EUR → "€29.00", 2900 JPY → "¥2,900". */
  String money(Money money) {
    var currency = Currency.getInstance(money.currency());
    int digits = Math.max(currency.getDefaultFractionDigits(), 0);
    var format = NumberFormat.getCurrencyInstance(LOCALE); // not thread-safe: one per call
    format.setCurrency(currency);
    format.setMinimumFractionDigits(digits);
    format.setMaximumFractionDigits(digits);
    return format.format(BigDecimal.valueOf(money.amount(), digits));
  }

  /** "5,000". */
  String count(long n) {
    return NumberFormat.getIntegerInstance(LOCALE).format(n);
  }

  String dateTime(Instant instant) {
    return dateTime.format(instant);
  }

  String date(Instant instant) {
    return date.format(instant);
  }
}
