package io.boxoffice.loadtest.report;

import io.boxoffice.loadtest.http.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code report.json} (everything), {@code report.md} (the tables) and {@code report.html}
 * (the tables and the charts: latency over time and throughput, inline SVG).
 */
public final class ReportWriter {

  private ReportWriter() {}

  public static void write(Report report, Path directory) throws IOException {
    Files.writeString(
        directory.resolve("report.json"),
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report));
    var tables = ReportTables.of(report);
    Files.writeString(directory.resolve("report.md"), markdown(report, tables));
    Files.writeString(directory.resolve("report.html"), html(report, tables));
  }

  static String verdict(Report report) {
    long missed = report.expectations().stream().filter(e -> !e.met()).count();
    return (report.passed() ? "PASSED" : "FAILED")
        + ": %d invariant violations, %d of %d expectations missed"
            .formatted(report.check().violations(), missed, report.expectations().size());
  }

  static String markdown(Report report, List<Table> tables) {
    var md = new StringBuilder();
    md.append("# ")
        .append(report.scenario())
        .append(", run ")
        .append(report.runId())
        .append("\n\n");
    md.append("Started ")
        .append(report.startedAt())
        .append(" against ")
        .append(report.baseUrl())
        .append(".\n\n");
    md.append("**").append(verdict(report)).append("**\n\n");
    if (!report.options().isEmpty()) {
      md.append("Options: `").append(report.options()).append("`\n\n");
    }
    for (var table : tables) {
      md.append("## ").append(table.title()).append("\n\n");
      md.append("| ").append(String.join(" | ", table.headers())).append(" |\n");
      md.append("|").append("---|".repeat(table.headers().size())).append("\n");
      for (var row : table.rows()) {
        md.append("| ")
            .append(String.join(" | ", row.stream().map(c -> c.replace("|", "\\|")).toList()))
            .append(" |\n");
      }
      md.append("\n");
    }
    if (!report.notes().isEmpty()) {
      md.append("## Notes\n\n");
      report.notes().forEach(n -> md.append("- ").append(n).append("\n"));
    }
    return md.toString();
  }

  static String html(Report report, List<Table> tables) {
    var html = new StringBuilder();
    html.append("<!doctype html><html><head><meta charset='utf-8'><title>")
        .append(Svg.escape(report.scenario() + " " + report.runId()))
        .append("</title><style>")
        .append("body{font-family:sans-serif;margin:2em;max-width:1100px}")
        .append("table{border-collapse:collapse;margin-bottom:1.5em;font-size:13px}")
        .append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}")
        .append("td:first-child,th:first-child{text-align:left}")
        .append(".pass{color:#176f2c}.fail{color:#b00020}")
        .append("</style></head><body>");
    html.append("<h1>")
        .append(Svg.escape(report.scenario()))
        .append(", run ")
        .append(report.runId())
        .append("</h1>");
    html.append("<p>Started ")
        .append(report.startedAt())
        .append(" against ")
        .append(Svg.escape(report.baseUrl()))
        .append("</p>");
    html.append("<h2 class='")
        .append(report.passed() ? "pass" : "fail")
        .append("'>")
        .append(Svg.escape(verdict(report)))
        .append("</h2>");
    for (var series : report.series()) {
      charts(html, series);
    }
    for (var table : tables) {
      html.append("<h2>").append(Svg.escape(table.title())).append("</h2><table><tr>");
      table.headers().forEach(h -> html.append("<th>").append(Svg.escape(h)).append("</th>"));
      html.append("</tr>");
      for (var row : table.rows()) {
        html.append("<tr>");
        row.forEach(c -> html.append("<td>").append(Svg.escape(c)).append("</td>"));
        html.append("</tr>");
      }
      html.append("</table>");
    }
    if (!report.notes().isEmpty()) {
      html.append("<h2>Notes</h2><ul>");
      report.notes().forEach(n -> html.append("<li>").append(Svg.escape(n)).append("</li>"));
      html.append("</ul>");
    }
    return html.append("</body></html>\n").toString();
  }

  private static void charts(StringBuilder html, TimeSeries series) {
    var x = series.buckets().stream().map(TimeSeries.Bucket::at).toList();
    html.append(
        Svg.chart(
            series.op() + ": latency from the intended send time, by answer time",
            "seconds since start",
            "ms",
            x,
            List.of(
                new Svg.Series(
                    "success p99",
                    "#1b5e20",
                    series.buckets().stream().map(TimeSeries.Bucket::successP99).toList()),
                new Svg.Series(
                    "success p50",
                    "#81c784",
                    series.buckets().stream().map(TimeSeries.Bucket::successP50).toList()),
                new Svg.Series(
                    "rejection p99",
                    "#b71c1c",
                    series.buckets().stream().map(TimeSeries.Bucket::rejectionP99).toList()),
                new Svg.Series(
                    "rejection p50",
                    "#e57373",
                    series.buckets().stream().map(TimeSeries.Bucket::rejectionP50).toList()))));
    html.append(
        Svg.chart(
            series.op() + ": completions per second (bucket " + series.bucketSeconds() + " s)",
            "seconds since start",
            "per second",
            x,
            List.of(
                new Svg.Series(
                    "successes",
                    "#1b5e20",
                    series.buckets().stream().map(b -> b.successesPerSecond()).toList()),
                new Svg.Series(
                    "rejections",
                    "#b71c1c",
                    series.buckets().stream().map(b -> b.rejectionsPerSecond()).toList()),
                new Svg.Series(
                    "errors",
                    "#ff8f00",
                    series.buckets().stream().map(b -> b.errorsPerSecond()).toList()))));
  }
}
