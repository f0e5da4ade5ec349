package io.boxoffice.loadtest.report;

import io.boxoffice.loadtest.check.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The report as tables, in reading order. */
final class ReportTables {

  private ReportTables() {}

  static List<Table> of(Report report) {
    var tables = new ArrayList<Table>();
    tables.add(keyValues("Figures", report.figures()));
    if (!report.expectations().isEmpty()) {
      tables.add(
          new Table(
              "Expectations (a miss fails the run)",
              List.of("expectation", "measured", "met"),
              report.expectations().stream()
                  .map(e -> List.of(e.name(), e.measured(), yesNo(e.met())))
                  .toList()));
    }
    if (!report.goals().isEmpty()) {
      tables.add(
          new Table(
              "Performance goals (issue 8)",
              List.of("goal", "target", "measured", "met"),
              report.goals().stream()
                  .map(g -> List.of(g.name(), g.target(), g.measured(), yesNo(g.met())))
                  .toList()));
    }
    tables.add(operations(report.operations()));
    tables.add(serviceTimes(report.operations()));
    tables.add(reasons(report.operations()));
    if (!report.steps().isEmpty()) {
      var headers = List.copyOf(report.steps().getFirst().keySet());
      tables.add(
          new Table(
              "Steps",
              headers,
              report.steps().stream()
                  .map(step -> headers.stream().map(h -> format(step.get(h))).toList())
                  .toList()));
    }
    if (report.baselines() != null) {
      tables.add(baselines(report));
    }
    if (!report.ratios().isEmpty()) {
      tables.add(
          new Table(
              "Ratios to the baselines",
              List.of("figure", "ratio (measured / limit)"),
              report.ratios().entrySet().stream()
                  .map(e -> List.of(e.getKey(), e.getValue()))
                  .toList()));
    }
    if (report.cpu() != null) {
      tables.add(cpu(report));
    }
    tables.add(checks(report.check()));
    if (!report.check().first().isEmpty()) {
      tables.add(
          new Table(
              "Violations (first " + Report.Check.SHOWN + ")",
              List.of("check", "detail"),
              report.check().first().stream().map(v -> List.of(v.check(), v.detail())).toList()));
    }
    tables.add(keyValues("Final database state", report.check().facts()));
    tables.add(environment(report.environment()));
    return tables;
  }

  private static Table keyValues(String title, Map<String, ?> values) {
    return new Table(
        title,
        List.of("", ""),
        values.entrySet().stream().map(e -> List.of(e.getKey(), format(e.getValue()))).toList());
  }

  private static Table operations(List<OpStats> operations) {
    var rows = new ArrayList<List<String>>();
    for (var op : operations) {
      var row = new ArrayList<String>();
      row.add(op.op());
      row.add(format(op.total()));
      row.add(format(op.successes()));
      row.add(format(op.rejections()));
      row.add(format(op.errors()) + " (" + format(op.unknown()) + ")");
      row.add(format(op.perSecond()));
      row.addAll(percentiles(op.successLatency()));
      row.addAll(percentiles(op.rejectionLatency()));
      rows.add(row);
    }
    return new Table(
        "Operations: latency in ms from the intended send time",
        List.of(
            "op",
            "total",
            "ok",
            "rejected",
            "errors (unknown)",
            "per s",
            "ok p50",
            "ok p90",
            "ok p99",
            "ok p99.9",
            "ok max",
            "rej p50",
            "rej p90",
            "rej p99",
            "rej p99.9",
            "rej max"),
        rows);
  }

  private static List<String> percentiles(LatencySummary latency) {
    if (latency.count() == 0) {
      return List.of("—", "—", "—", "—", "—");
    }
    return List.of(
        format(latency.p50()),
        format(latency.p90()),
        format(latency.p99()),
        format(latency.p999()),
        format(latency.max()));
  }

  private static Table serviceTimes(List<OpStats> operations) {
    return new Table(
        "Service time in ms, from the actual send (all outcomes)",
        List.of("op", "p50", "p90", "p99", "p99.9", "max"),
        operations.stream()
            .map(
                op -> {
                  var row = new ArrayList<String>();
                  row.add(op.op());
                  row.addAll(percentiles(op.serviceTime()));
                  return (List<String>) row;
                })
            .toList());
  }

  private static Table reasons(List<OpStats> operations) {
    var rows = new ArrayList<List<String>>();
    for (var op : operations) {
      op.reasons().forEach((reason, count) -> rows.add(List.of(op.op(), reason, format(count))));
    }
    return new Table(
        "Refusals and errors by reason", List.of("op", "status reason", "count"), rows);
  }

  private static Table baselines(Report report) {
    var rows = new ArrayList<List<String>>();
    var http = report.baselines().http();
    rows.add(
        List.of(
            "HTTP ceiling: GET " + http.path() + ", " + http.connections() + " connections",
            format(http.perSecond()) + " req/s",
            "p50 "
                + format(http.latency().p50())
                + " ms, p99 "
                + format(http.latency().p99())
                + " ms"));
    var pgbench = report.baselines().pgbench();
    if (pgbench == null) {
      rows.add(List.of("pgbench", "not installed", ""));
    } else {
      for (var run : pgbench.runs()) {
        rows.add(
            List.of(
                "pgbench "
                    + run.script()
                    + ", "
                    + run.clients()
                    + " clients, "
                    + pgbench.seconds()
                    + " s",
                format(run.tps()) + " commits/s",
                "durable (see environment)"));
      }
    }
    return new Table("Baselines, same machine, same run", List.of("limit", "rate", ""), rows);
  }

  private static Table cpu(Report report) {
    var cpu = report.cpu();
    var hold = report.cpuPerSuccessfulHold();
    var request = report.cpuPerRequest();
    return new Table(
        "CPU during the measured part ("
            + format(cpu.wallSeconds())
            + " s wall; 2 cores give 2 CPU s per s)",
        List.of("process", "CPU s", "CPU ms per successful hold", "CPU ms per request"),
        List.of(
            List.of(
                "application",
                format(cpu.app()),
                hold == null ? "—" : millis(hold.app()),
                request == null ? "—" : millis(request.app())),
            List.of(
                "postgres (all backends)",
                format(cpu.postgres()),
                hold == null ? "—" : millis(hold.postgres()),
                request == null ? "—" : millis(request.postgres())),
            List.of(
                "harness",
                format(cpu.harness()),
                hold == null ? "—" : millis(hold.harness()),
                request == null ? "—" : millis(request.harness()))));
  }

  private static String millis(Double seconds) {
    return seconds == null ? "—" : format(seconds * 1000);
  }

  private static Table checks(Report.Check check) {
    return new Table(
        "Invariant checks",
        List.of("check", "violations"),
        Checks.NAMES.stream()
            .map(name -> List.of(name, format(check.byCheck().getOrDefault(name, 0L))))
            .toList());
  }

  private static Table environment(Environment environment) {
    var rows = new ArrayList<List<String>>();
    rows.add(List.of("CPUs", format(environment.cpus())));
    rows.add(List.of("OS", environment.os()));
    rows.add(List.of("harness JVM", environment.java()));
    rows.add(List.of("PostgreSQL", environment.postgres()));
    environment.postgresSettings().forEach((k, v) -> rows.add(List.of("  " + k, v)));
    rows.add(List.of("application", environment.application()));
    rows.add(List.of("/proc/loadavg before the run", environment.loadAverageBefore()));
    rows.add(List.of("/proc/loadavg after the run", environment.loadAverageAfter()));
    return new Table("Environment", List.of("", ""), rows);
  }

  private static String yesNo(Boolean met) {
    return met == null ? "n/a" : met ? "yes" : "NO";
  }

  static String format(Object value) {
    if (value == null) {
      return "—";
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Math.abs(d) >= 100 ? "%,.0f".formatted(d) : "%.2f".formatted(d);
    }
    if (value instanceof Long || value instanceof Integer) {
      return "%,d".formatted(((Number) value).longValue());
    }
    if (value instanceof Boolean b) {
      return b ? "yes" : "no";
    }
    return value.toString();
  }
}
