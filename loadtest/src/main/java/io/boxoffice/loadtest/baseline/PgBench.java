package io.boxoffice.loadtest.baseline;

import io.boxoffice.loadtest.setup.Database;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Durable commit rates of this machine's PostgreSQL, with pgbench (performance-anchors §3.2): one
 * hot row updated by every client ({@code single-row}, the hot-row ceiling: one commit flush per
 * update) and random rows of 100,000 ({@code many-row}, where group commit shares flushes), each at
 * a few client counts; the best of each is the figure. Runs in a scratch database it drops.
 */
public record PgBench(
    String executable,
    int seconds,
    List<Run> runs,
    double singleRowPerSecond,
    double manyRowPerSecond) {

  public record Run(String script, int clients, double tps) {}

  static final int ROWS = 100_000;
  static final List<Integer> SINGLE_ROW_CLIENTS = List.of(1, 8, 32);
  static final List<Integer> MANY_ROW_CLIENTS = List.of(8, 32);
  private static final Pattern TPS =
      Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

  /** {@code pgbench} on the PATH, else the newest under /usr/lib/postgresql. */
  public static Optional<Path> find() {
    for (var dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      var candidate = Path.of(dir, "pgbench");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions
          .map(v -> v.resolve("bin/pgbench"))
          .filter(Files::isExecutable)
          .max(Comparator.naturalOrder());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  public static PgBench measure(Path pgbench, Database server, int seconds, PrintStream log)
      throws Exception {
    var scratch = server.withName("boxoffice_pgbench_" + ProcessHandle.current().pid());
    var admin = server.withName("postgres");
    execute(admin, "drop database if exists " + scratch.name());
    execute(admin, "create database " + scratch.name());
    try {
      execute(scratch, "create table inv (id integer primary key, qty bigint not null)");
      execute(
          scratch, "insert into inv select i, 1000000000 from generate_series(1, " + ROWS + ") i");
      execute(scratch, "vacuum analyze inv");
      execute(scratch, "checkpoint");
      var single = script("update inv set qty = qty - 1 where id = 1 and qty > 0;\n");
      var many =
          script(
              "\\set id random(1, "
                  + ROWS
                  + ")\nupdate inv set qty = qty - 1 where id = :id and qty > 0;\n");
      var runs = new ArrayList<Run>();
      for (int clients : SINGLE_ROW_CLIENTS) {
        runs.add(run(pgbench, scratch, "single-row", single, clients, seconds, log));
      }
      for (int clients : MANY_ROW_CLIENTS) {
        runs.add(run(pgbench, scratch, "many-row", many, clients, seconds, log));
      }
      return new PgBench(
          pgbench.toString(),
          seconds,
          List.copyOf(runs),
          best(runs, "single-row"),
          best(runs, "many-row"));
    } finally {
      execute(admin, "drop database if exists " + scratch.name() + " with (force)");
    }
  }

  private static double best(List<Run> runs, String script) {
    return runs.stream()
        .filter(r -> r.script().equals(script))
        .mapToDouble(Run::tps)
        .max()
        .orElse(0);
  }

  private static Path script(String text) throws IOException {
    var file = Files.createTempFile("pgbench-", ".sql");
    file.toFile().deleteOnExit();
    return Files.writeString(file, text);
  }

  private static Run run(
      Path pgbench,
      Database database,
      String name,
      Path script,
      int clients,
      int seconds,
      PrintStream log)
      throws Exception {
    var command =
        List.of(
            pgbench.toString(),
            "-h",
            database.host(),
            "-p",
            Integer.toString(database.port()),
            "-U",
            database.user(),
            "-n",
            "-M",
            "prepared",
            "-j",
            Integer.toString(Math.min(2, clients)),
            "-c",
            Integer.toString(clients),
            "-T",
            Integer.toString(seconds),
            "-f",
            script.toString(),
            database.name());
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (database.password() != null && !database.password().isEmpty()) {
      builder.environment().put("PGPASSWORD", database.password());
    }
    var process = builder.start();
    var output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException("pgbench failed: " + output);
    }
    var matcher = TPS.matcher(output);
    if (!matcher.find()) {
      throw new IllegalStateException("no tps in pgbench output: " + output);
    }
    var run = new Run(name, clients, Double.parseDouble(matcher.group(1)));
    log.printf("  pgbench %s, %d clients: %,.0f commits/s%n", name, clients, run.tps());
    return run;
  }

  private static void execute(Database database, String sql) throws Exception {
    try (var connection = database.connect();
        var statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
