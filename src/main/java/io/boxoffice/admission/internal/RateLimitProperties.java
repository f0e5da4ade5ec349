package io.boxoffice.admission.internal;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits ({@code boxoffice.rate-limits}): each rule names the requests it counts (method and
 * path pattern) and how many of them one account and one client address may make per period. Either
 * limit may be left out.
 */
@ConfigurationProperties("boxoffice.rate-limits")
record RateLimitProperties(@DefaultValue("true") boolean enabled, Map<String, Rule> rules) {

  RateLimitProperties {
    rules = rules == null ? Map.of() : Map.copyOf(rules);
  }

  record Rule(
      String method, String path, Integer perAccount, Integer perAddress, Duration period) {}
}
