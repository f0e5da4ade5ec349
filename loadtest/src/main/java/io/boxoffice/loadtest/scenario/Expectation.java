package io.boxoffice.loadtest.scenario;

/** A must-hold outcome of a scenario (exact counts, sold out): a miss fails the run. */
public record Expectation(String name, boolean met, String measured) {

  public static Expectation equal(String name, long expected, long actual) {
    return new Expectation(name, expected == actual, Long.toString(actual));
  }
}
