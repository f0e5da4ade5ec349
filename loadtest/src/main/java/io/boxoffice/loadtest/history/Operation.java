package io.boxoffice.loadtest.history;

import java.util.Map;

/**
 * One line of the history: who ({@code client}, the customer's index; -1 for anonymous browsing),
 * what ({@code op}: hold, order, release, join-queue, queue-status, event, availability, search,
 * seatmap), the request as sent, the outcome with the HTTP status and the refusal's reason, what
 * the server acknowledged ({@code result}: holdId, seats, orderId...), and when: epoch microseconds
 * of the intended send time (the schedule's, which the latency is measured from), the actual send
 * and the answer.
 */
public record Operation(
    int client,
    String op,
    Map<String, Object> request,
    Outcome outcome,
    int status,
    String reason,
    Map<String, Object> result,
    long intendedMicros,
    long startMicros,
    long endMicros) {

  /** Latency as the user saw it: from the intended send time (coordinated omission corrected). */
  public long latencyMicros() {
    return endMicros - intendedMicros;
  }

  /** Time the server (and the wire) took: from the actual send. */
  public long serviceMicros() {
    return endMicros - startMicros;
  }

  public String resultText(String key) {
    var value = result.get(key);
    return value == null ? null : value.toString();
  }

  public String requestText(String key) {
    var value = request.get(key);
    return value == null ? null : value.toString();
  }
}
