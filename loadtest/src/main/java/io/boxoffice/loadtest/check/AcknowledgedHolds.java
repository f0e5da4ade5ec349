package io.boxoffice.loadtest.check;

import io.boxoffice.loadtest.history.Operation;
import io.boxoffice.loadtest.history.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the history says the server granted: holds answered 201, and which of them were paid. */
record AcknowledgedHolds(List<Hold> all) {

  /**
   * @param seats the seat ids (empty for general admission)
   * @param section the general-admission section, else null
   * @param liveFrom epoch µs of the 201: from then on the hold surely exists
   * @param liveUntil epoch µs until which it surely still holds its seats: its expiry, or the
   *     moment its owner started releasing it; {@link Long#MAX_VALUE} once an order was confirmed
   * @param orderId the order answered 201 with tickets, else null
   */
  record Hold(
      String holdId,
      String customer,
      String event,
      int quantity,
      List<String> seats,
      String section,
      long liveFrom,
      long liveUntil,
      String orderId) {}

  List<Hold> paid() {
    return all.stream().filter(h -> h.orderId() != null).toList();
  }

  static AcknowledgedHolds of(List<Operation> history) {
    var releaseStarted = new HashMap<String, Long>();
    var confirmedOrder = new HashMap<String, String>();
    for (var op : history) {
      var hold = op.requestText("holdId");
      if (op.op().equals("release") && op.outcome() != Outcome.FAIL) {
        releaseStarted.merge(hold, op.startMicros(), Math::min);
      }
      if (op.op().equals("order")
          && op.outcome() == Outcome.OK
          && Checks.PAID.contains(op.resultText("status"))) {
        confirmedOrder.put(hold, op.resultText("orderId"));
      }
    }
    var holds = new ArrayList<Hold>();
    for (var op : history) {
      if (!op.op().equals("hold") || op.outcome() != Outcome.OK) {
        continue;
      }
      var id = op.resultText("holdId");
      var order = confirmedOrder.get(id);
      long until =
          order != null
              ? Long.MAX_VALUE
              : Math.min(
                  micros(op.resultText("expiresAt")),
                  releaseStarted.getOrDefault(id, Long.MAX_VALUE));
      holds.add(
          new Hold(
              id,
              op.requestText("customer"),
              op.requestText("event"),
              ((Number) op.result().get("quantity")).intValue(),
              seats(op.result()),
              op.resultText("section"),
              op.endMicros(),
              until,
              order));
    }
    return new AcknowledgedHolds(List.copyOf(holds));
  }

  private static List<String> seats(Map<String, Object> result) {
    var seats = result.get("seats");
    if (seats instanceof List<?> list) {
      return list.stream().map(Object::toString).toList();
    }
    return List.of();
  }

  private static long micros(String instant) {
    var parsed = Instant.parse(instant);
    return parsed.getEpochSecond() * 1_000_000 + parsed.getNano() / 1_000;
  }
}
