package io.boxoffice.loadtest.report;

import io.boxoffice.loadtest.baseline.Baselines;
import io.boxoffice.loadtest.check.Checker;
import io.boxoffice.loadtest.check.Violation;
import io.boxoffice.loadtest.scenario.Expectation;
import java.util.List;
import java.util.Map;

/** Everything a run found, written as report.json, report.md and report.html. */
public record Report(
    String scenario,
    String runId,
    String startedAt,
    String baseUrl,
    Map<String, String> options,
    Environment environment,
    Map<String, Object> figures,
    List<Map<String, Object>> steps,
    List<OpStats> operations,
    List<Expectation> expectations,
    List<Goal> goals,
    Map<String, String> ratios,
    Baselines baselines,
    CpuUsage cpu,
    CpuUsage.Per cpuPerSuccessfulHold,
    CpuUsage.Per cpuPerRequest,
    Check check,
    List<String> notes,
    List<TimeSeries> series) {

  /** The checker's verdict: violations by check and the first ones in full. */
  public record Check(
      int violations, Map<String, Long> byCheck, List<Violation> first, Map<String, Object> facts) {

    static final int SHOWN = 50;

    public static Check of(Checker.Result result) {
      return new Check(
          result.violations().size(),
          result.byCheck(),
          result.violations().stream().limit(SHOWN).toList(),
          result.facts());
    }
  }

  public boolean passed() {
    return check.violations() == 0 && expectations.stream().allMatch(Expectation::met);
  }
}
