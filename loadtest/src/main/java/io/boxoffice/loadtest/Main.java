package io.boxoffice.loadtest;

import io.boxoffice.loadtest.app.LocalApp;
import io.boxoffice.loadtest.baseline.Baselines;
import io.boxoffice.loadtest.baseline.HttpCeiling;
import io.boxoffice.loadtest.baseline.PgBench;
import io.boxoffice.loadtest.check.Checker;
import io.boxoffice.loadtest.history.History;
import io.boxoffice.loadtest.history.Operation;
import io.boxoffice.loadtest.http.Api;
import io.boxoffice.loadtest.http.Json;
import io.boxoffice.loadtest.report.CpuMeter;
import io.boxoffice.loadtest.report.Environment;
import io.boxoffice.loadtest.report.Kind;
import io.boxoffice.loadtest.report.OpStats;
import io.boxoffice.loadtest.report.Report;
import io.boxoffice.loadtest.report.ReportWriter;
import io.boxoffice.loadtest.report.TimeSeries;
import io.boxoffice.loadtest.scenario.Browse;
import io.boxoffice.loadtest.scenario.Contention;
import io.boxoffice.loadtest.scenario.HotGa;
import io.boxoffice.loadtest.scenario.Run;
import io.boxoffice.loadtest.scenario.Scenario;
import io.boxoffice.loadtest.scenario.ScenarioResult;
import io.boxoffice.loadtest.scenario.Stadium;
import io.boxoffice.loadtest.setup.Database;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code loadtest <contention|hot-ga|stadium|browse|baselines|check|serve> [--option=value...]}.
 * Exit status: 0 passed, 1 an invariant violation or a missed expectation, 2 a wrong command line,
 * 3 the run could not be carried out.
 */
public final class Main {

  static final String USAGE =
      """
      usage: loadtest <command> [--option=value ...]

      scenarios (docs/loadtest.md lists every option):
        contention   N users at once for the same K seats (--users=10000 --seats=100
                     --variant=seat|one-seat|best|ga --connections=1000 --warmup=true)
        hot-ga       open-loop holds on one GA counter, stepped up (--rates=250,500,...
                     --step-seconds=10 --accounts=2000 --capacity=200000)
        stadium      a 50,000-seat event sold out by --fans=2000 (--active=<fans>
                     --pick=best|map --hold-ttl=30 --abandon=0.10 --waiting-room=false
                     --max-seconds=240)
        browse       100 reads per purchase, open loop (--rate=500 --seconds=30)
      baselines      only the HTTP ceiling and pgbench
      check          check a finished run again: --run-dir=<its results directory>
      serve          start the application the way --start-app does and keep it up (--port)

      the deployment (every scenario):
        --base-url=http://127.0.0.1:8080        loopback only
        --jdbc-url=jdbc:postgresql://127.0.0.1:5432/boxoffice --db-user=postgres --db-password=
        --app-pid=<pid>                         its CPU from /proc (else /actuator/prometheus)
        --start-app=<jar>                       or start that jar: on a free port, against a fresh
                                                database on --jdbc-url's server (dropped after
                                                unless --keep-db; --app-db=<name> uses that one
                                                and keeps it) and --redis-url
        --app-jvm-args="-Xms1g -Xmx1g"          --redis-url=redis://127.0.0.1:6379
      the run:
        --out=results/<scenario>-<time>         --baselines=true --baseline-seconds=10
        --accounts-cache=<file>                 reuse accounts (and tokens) across runs
        --organizer-email= --organizer-password= (default: register one, promote it in the DB)
        --registration-parallelism=4 --request-timeout-seconds=30 --settle-seconds=60
      """;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out));
  }

  public static int run(String[] args, PrintStream log) {
    if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
      log.print(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    // idle pooled connections go before Tomcat closes them (20 s): a POST never meets a dead one
    System.setProperty("jdk.httpclient.keepalive.timeout", "10");
    try {
      var options = Options.parse(Arrays.asList(args).subList(1, args.length));
      return switch (args[0]) {
        case "check" -> check(options, log);
        case "serve" -> serve(options, log);
        case "baselines" -> execute(null, options, log);
        default -> execute(scenario(args[0], options), options, log);
      };
    } catch (Options.UsageException e) {
      log.println(e.getMessage());
      log.print(USAGE);
      return 2;
    } catch (Exception e) {
      log.println("run failed: " + e);
      e.printStackTrace(log);
      return 3;
    }
  }

  private static Scenario scenario(String name, Options options) {
    return switch (name) {
      case "contention" -> new Contention(options);
      case "hot-ga" -> new HotGa(options);
      case "stadium" -> new Stadium(options);
      case "browse" -> new Browse(options);
      default -> throw new Options.UsageException("unknown command " + name);
    };
  }

  /** Where the load goes: a running deployment, or the jar to start. */
  private record Deployment(
      URI baseUrl,
      Database database,
      OptionalLong pid,
      String jar,
      String databaseName,
      String redisUrl,
      List<String> jvmArgs,
      boolean keepDatabase) {

    static Deployment of(Options options) {
      var pid = options.string("app-pid", null);
      return new Deployment(
          URI.create(options.string("base-url", "http://127.0.0.1:8080")),
          new Database(
              options.string("jdbc-url", "jdbc:postgresql://127.0.0.1:5432/boxoffice"),
              options.string("db-user", "postgres"),
              options.string("db-password", "")),
          pid == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(pid)),
          options.string("start-app", null),
          options.string("app-db", null),
          options.string("redis-url", "redis://127.0.0.1:6379"),
          List.of(options.string("app-jvm-args", "-Xms1g -Xmx1g").split("\\s+")),
          options.flag("keep-db", false));
    }

    LocalApp start(int port, Path log, PrintStream out) throws Exception {
      var config =
          new LocalApp.Config(
              Path.of(jar), database, databaseName, redisUrl, port, jvmArgs, log, keepDatabase);
      return LocalApp.start(config, out);
    }

    Deployment startedAs(LocalApp app) {
      return new Deployment(
          app.baseUrl(),
          app.database(),
          OptionalLong.of(app.pid()),
          jar,
          databaseName,
          redisUrl,
          jvmArgs,
          keepDatabase);
    }

    String description() {
      return jar == null
          ? baseUrl.toString()
          : jar + " (pid " + pid.orElse(0) + ", " + String.join(" ", jvmArgs) + ")";
    }
  }

  private static int execute(Scenario scenario, Options options, PrintStream log) throws Exception {
    var name = scenario == null ? "baselines" : scenario.name();
    var deployment = Deployment.of(options);
    var out =
        Path.of(
            options.string(
                "out",
                "results/"
                    + name
                    + "-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
    boolean baselines = options.flag("baselines", true);
    int baselineSeconds = options.integer("baseline-seconds", 10);
    var cache = options.string("accounts-cache", null);
    var setup =
        new Run.Setup(
            options.string("organizer-email", null),
            options.string("organizer-password", null),
            options.integer("registration-parallelism", 4),
            cache == null ? null : Path.of(cache));
    var timeout = Duration.ofSeconds(options.integer("request-timeout-seconds", 30));
    var settle = Duration.ofSeconds(options.integer("settle-seconds", 60));
    options.rejectUnknown();

    Files.createDirectories(out);
    var runId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
    var startedAt = Instant.now().toString();
    var loadBefore = Environment.loadAverage();
    LocalApp app = null;
    try {
      if (deployment.jar() != null) {
        app = deployment.start(0, out.resolve("app.log"), log);
        deployment = deployment.startedAs(app);
      }
      var api = new Api(deployment.baseUrl(), timeout);
      api.get("/actuator/health/liveness", null).expect("the deployment's liveness", 200);
      log.printf("%s run %s against %s, results in %s%n", name, runId, deployment.baseUrl(), out);
      try (var run =
          new Run(
              runId,
              api,
              deployment.database(),
              out,
              log,
              setup,
              new CpuMeter(api, deployment.pid()))) {
        if (baselines) {
          run.baselines(measureBaselines(api, deployment.database(), baselineSeconds, log));
        }
        if (scenario == null) {
          writeJson(out.resolve("baselines.json"), run.baselines());
          return 0;
        }
        var result = scenario.run(run);
        run.close();
        writeJson(
            out.resolve("run.json"),
            new RunManifest(
                name,
                runId,
                startedAt,
                deployment.baseUrl().toString(),
                deployment.database().url(),
                deployment.database().user(),
                result.events(),
                options.given()));
        log.println("checking invariants");
        var check =
            new Checker(deployment.database(), settle)
                .check(run.operations(), result.events(), log);
        var environment =
            Environment.capture(deployment.database(), deployment.description(), loadBefore);
        var report =
            report(
                name,
                runId,
                startedAt,
                options,
                environment,
                deployment,
                run,
                result,
                Report.Check.of(check));
        ReportWriter.write(report, out);
        summarize(report, out, log);
        return report.passed() ? 0 : 1;
      }
    } finally {
      if (app != null) {
        app.close();
      }
    }
  }

  private static Report report(
      String name,
      String runId,
      String startedAt,
      Options options,
      Environment environment,
      Deployment deployment,
      Run run,
      ScenarioResult result,
      Report.Check check)
      throws Exception {
    var operations = run.operations();
    var cpu = run.cpu().usage();
    long holds =
        operations.stream()
            .filter(o -> o.op().equals("hold") && Kind.of(o) == Kind.SUCCESS)
            .count();
    return new Report(
        name,
        runId,
        startedAt,
        deployment.baseUrl().toString(),
        options.given(),
        environment,
        result.figures(),
        result.steps(),
        OpStats.of(operations),
        result.expectations(),
        result.goals(),
        result.ratios(),
        run.baselines(),
        cpu,
        cpu == null ? null : cpu.per(holds),
        cpu == null ? null : cpu.per(operations.size()),
        check,
        result.notes(),
        series(operations, result.startMicros()));
  }

  private static Baselines measureBaselines(
      Api api, Database database, int seconds, PrintStream log) throws Exception {
    log.println("baselines: HTTP ceiling");
    var http =
        HttpCeiling.measure(api, "/actuator/health/liveness", 64, Duration.ofSeconds(seconds));
    log.printf("  GET /actuator/health/liveness: %,.0f req/s%n", http.perSecond());
    var pgbench = PgBench.find();
    if (pgbench.isEmpty()) {
      log.println("  pgbench not found: no commit-rate baselines");
      return new Baselines(http, null);
    }
    return new Baselines(http, PgBench.measure(pgbench.get(), database, seconds, log));
  }

  /** Charts for every operation that makes up at least 5 % of the run. */
  private static List<TimeSeries> series(List<Operation> operations, long startMicros) {
    return OpStats.of(operations).stream()
        .filter(op -> op.total() * 20 >= operations.size())
        .map(
            op ->
                TimeSeries.of(
                    op.op(),
                    operations.stream().filter(o -> o.op().equals(op.op())).toList(),
                    startMicros))
        .toList();
  }

  private static void summarize(Report report, Path out, PrintStream log) {
    for (var op : report.operations()) {
      log.printf(
          "  %-14s %,8d ok %,8d rejected %,6d errors | ok p99 %8.1f ms | rejected p99 %8.1f ms%n",
          op.op(),
          op.successes(),
          op.rejections(),
          op.errors(),
          op.successLatency().p99(),
          op.rejectionLatency().p99());
    }
    report.figures().forEach((k, v) -> log.printf("  %s: %s%n", k, v));
    report
        .goals()
        .forEach(
            g ->
                log.printf(
                    "  goal: %s %s; measured %s (%s)%n",
                    g.name(),
                    g.target(),
                    g.measured(),
                    g.met() == null ? "n/a" : g.met() ? "met" : "missed"));
    report.check().first().stream()
        .limit(10)
        .forEach(v -> log.printf("  VIOLATION %s: %s%n", v.check(), v.detail()));
    log.printf(
        "%s (report: %s)%n", report.passed() ? "PASSED" : "FAILED", out.resolve("report.html"));
  }

  private static int check(Options options, PrintStream log) throws Exception {
    var directory = Path.of(options.string("run-dir", "."));
    var password = options.string("db-password", "");
    var settle = Duration.ofSeconds(options.integer("settle-seconds", 60));
    options.rejectUnknown();
    var manifest = Json.MAPPER.readValue(directory.resolve("run.json").toFile(), RunManifest.class);
    var database = new Database(manifest.jdbcUrl(), manifest.dbUser(), password);
    var history = History.read(directory.resolve("history.jsonl"));
    var result = new Checker(database, settle).check(history, manifest.events(), log);
    result.violations().forEach(v -> log.printf("VIOLATION %s: %s%n", v.check(), v.detail()));
    log.printf("%d violations in %,d operations%n", result.violations().size(), history.size());
    return result.violations().isEmpty() ? 0 : 1;
  }

  /** Starts the application like {@code --start-app} and keeps it up until interrupted. */
  private static int serve(Options options, PrintStream log) throws Exception {
    var deployment = Deployment.of(options);
    int port = options.integer("port", 8080);
    var appLog = Path.of(options.string("app-log", "app.log"));
    options.rejectUnknown();
    if (deployment.jar() == null) {
      throw new Options.UsageException("serve needs --start-app=<jar>");
    }
    var app = deployment.start(port, appLog, log);
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    app.close();
                  } catch (Exception e) {
                    log.println("stopping the application: " + e);
                  }
                  stopped.countDown();
                }));
    log.printf(
        "serving %s (pid %d) with %s; its log: %s; Ctrl-C or SIGTERM stops it%n",
        app.baseUrl(), app.pid(), app.database().url(), appLog);
    stopped.await();
    return 0;
  }

  private static void writeJson(Path file, Object value) throws Exception {
    Files.writeString(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value));
  }
}
