package io.boxoffice.loadtest.drive;

import io.boxoffice.loadtest.history.History;
import io.boxoffice.loadtest.history.Operation;
import io.boxoffice.loadtest.history.Outcome;
import io.boxoffice.loadtest.history.RunClock;
import io.boxoffice.loadtest.http.Response;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** Times a request, classifies its outcome and appends it to the history. */
public final class Recorder {

  private final History history;
  private final RunClock clock;

  public Recorder(History history, RunClock clock) {
    this.history = history;
    this.clock = clock;
  }

  public RunClock clock() {
    return clock;
  }

  /**
   * Sends {@code request} now on behalf of {@code client}; {@code intendedNanos} is when it was
   * meant to go (the latency counts from there). {@code acknowledged} extracts what a 2xx answer
   * granted.
   */
  public Call call(
      int client,
      String op,
      Map<String, Object> request,
      long intendedNanos,
      Supplier<Response> send,
      Function<Response, Map<String, Object>> acknowledged) {
    long start = clock.nanos();
    var response = send.get();
    long end = clock.nanos();
    var outcome = Outcome.of(response);
    Map<String, Object> result = Map.of();
    if (outcome == Outcome.OK) {
      try {
        result = acknowledged.apply(response);
      } catch (RuntimeException unreadable) {
        result = Map.of("unreadable", String.valueOf(unreadable.getMessage()));
      }
    }
    var operation =
        new Operation(
            client,
            op,
            request,
            outcome,
            response.status(),
            response.reason(),
            result,
            clock.epochMicros(intendedNanos),
            clock.epochMicros(start),
            clock.epochMicros(end));
    history.record(operation);
    return new Call(operation, response);
  }

  /** A request the harness could not send in time (no free connection): nothing happened. */
  public void notSent(int client, String op, Map<String, Object> request, long intendedNanos) {
    long now = clock.epochMicros(clock.nanos());
    history.record(
        new Operation(
            client,
            op,
            request,
            Outcome.FAIL,
            0,
            "not-sent",
            Map.of(),
            clock.epochMicros(intendedNanos),
            now,
            now));
  }
}
