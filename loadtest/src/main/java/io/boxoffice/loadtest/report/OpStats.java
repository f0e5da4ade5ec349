package io.boxoffice.loadtest.report;

import io.boxoffice.loadtest.history.Operation;
import io.boxoffice.loadtest.history.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One kind of operation (hold, order, availability...): counts by kind and by reason, latency from
 * the intended send time for successes and rejections apart, service time, throughput.
 *
 * @param unknown how many of the errors had an unknown outcome (may or may not have happened)
 * @param perSecond completed operations per second between the first intended send and the last
 *     answer
 */
public record OpStats(
    String op,
    long total,
    long successes,
    long rejections,
    long errors,
    long unknown,
    Map<String, Long> reasons,
    LatencySummary successLatency,
    LatencySummary rejectionLatency,
    LatencySummary errorLatency,
    LatencySummary serviceTime,
    double perSecond) {

  public static List<OpStats> of(List<Operation> history) {
    var byOp = new LinkedHashMap<String, List<Operation>>();
    history.forEach(o -> byOp.computeIfAbsent(o.op(), k -> new ArrayList<>()).add(o));
    return byOp.entrySet().stream().map(e -> of(e.getKey(), e.getValue())).toList();
  }

  public static OpStats of(String op, List<Operation> operations) {
    var byKind = new LinkedHashMap<Kind, List<Operation>>();
    for (var kind : Kind.values()) {
      byKind.put(kind, new ArrayList<>());
    }
    var reasons = new TreeMap<String, Long>();
    long unknown = 0;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (var operation : operations) {
      byKind.get(Kind.of(operation)).add(operation);
      if (operation.reason() != null) {
        reasons.merge(operation.status() + " " + operation.reason(), 1L, Long::sum);
      }
      if (operation.outcome() == Outcome.UNKNOWN) {
        unknown++;
      }
      first = Math.min(first, operation.intendedMicros());
      last = Math.max(last, operation.endMicros());
    }
    double seconds = Math.max(1e-6, (last - first) / 1e6);
    return new OpStats(
        op,
        operations.size(),
        byKind.get(Kind.SUCCESS).size(),
        byKind.get(Kind.REJECTION).size(),
        byKind.get(Kind.ERROR).size(),
        unknown,
        Collections.unmodifiableMap(reasons),
        LatencySummary.of(byKind.get(Kind.SUCCESS), Operation::latencyMicros),
        LatencySummary.of(byKind.get(Kind.REJECTION), Operation::latencyMicros),
        LatencySummary.of(byKind.get(Kind.ERROR), Operation::latencyMicros),
        LatencySummary.of(operations, Operation::serviceMicros),
        operations.size() / seconds);
  }
}
