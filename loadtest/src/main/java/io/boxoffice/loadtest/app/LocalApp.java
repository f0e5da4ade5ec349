package io.boxoffice.loadtest.app;

import io.boxoffice.loadtest.setup.Database;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The application started by the harness: the built jar in a child JVM on a free port, against a
 * fresh PostgreSQL database on the given server (dropped at the end unless kept) or a named one
 * (created if missing, never dropped), and the given Redis; with rate limits off (all load comes
 * from one address), plain WARN logs, and a fixed token secret so that cached bearer tokens survive
 * a restart on the same database.
 */
public final class LocalApp implements AutoCloseable {

  /**
   * @param server any database on the PostgreSQL server to create the run's database on
   * @param databaseName an existing database to use (kept), or null for a fresh one
   * @param port the HTTP port, 0 for a free one
   * @param jvmArgs for the application's JVM
   * @param log the application's console output goes here
   */
  public record Config(
      Path jar,
      Database server,
      String databaseName,
      String redisUrl,
      int port,
      List<String> jvmArgs,
      Path log,
      boolean keepDatabase) {}

  private static final Duration STARTUP = Duration.ofMinutes(3);

  /** Signs the application's bearer tokens; a local test key, not a secret. */
  private static final String TOKEN_SECRET =
      Base64.getEncoder()
          .encodeToString(
              "boxoffice-loadtest-token-key-of-32+bytes".getBytes(StandardCharsets.UTF_8));

  private final Config config;
  private final Process process;
  private final Database database;
  private final URI baseUrl;
  private final Path workDirectory;

  private LocalApp(
      Config config, Process process, Database database, URI baseUrl, Path workDirectory) {
    this.config = config;
    this.process = process;
    this.database = database;
    this.baseUrl = baseUrl;
    this.workDirectory = workDirectory;
  }

  /** The newest executable (repackaged) {@code boxoffice-*.jar} in {@code directory}. */
  public static Path findJar(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(p -> p.getFileName().toString().matches("boxoffice-.*\\.jar"))
          .filter(LocalApp::executable)
          .max(Comparator.comparing(p -> p.toFile().lastModified()))
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "no executable boxoffice-*.jar in "
                          + directory.toAbsolutePath().normalize()
                          + ": build the application first (mvn package)"));
    }
  }

  private static boolean executable(Path jar) {
    try (var file = new JarFile(jar.toFile())) {
      var manifest = file.getManifest();
      return manifest != null && manifest.getMainAttributes().getValue("Main-Class") != null;
    } catch (IOException e) {
      return false;
    }
  }

  public static LocalApp start(Config config, PrintStream log) throws Exception {
    var database =
        config
            .server()
            .withName(
                config.databaseName() != null
                    ? config.databaseName()
                    : "boxoffice_loadtest_"
                        + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
    if (config.databaseName() == null || !exists(config.server(), database.name())) {
      execute(config.server(), "create database " + database.name());
    }
    int port = config.port() == 0 ? freePort() : config.port();
    var work = Files.createTempDirectory("boxoffice-app-");
    var command = new ArrayList<String>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(config.jvmArgs());
    command.add("-jar");
    command.add(config.jar().toAbsolutePath().toString());
    var builder =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(config.log().toFile());
    var environment = builder.environment();
    environment.put("SPRING_DATASOURCE_URL", database.url());
    environment.put("SPRING_DATASOURCE_USERNAME", database.user());
    environment.put("SPRING_DATASOURCE_PASSWORD", database.password());
    environment.put("BOXOFFICE_REDIS_URL", config.redisUrl());
    environment.put("PORT", Integer.toString(port));
    environment.put("BOXOFFICE_RATE_LIMITS_ENABLED", "false");
    environment.put("BOXOFFICE_LOG_FORMAT", "");
    environment.put("LOGGING_LEVEL_ROOT", "WARN");
    environment.put("BOXOFFICE_SECURITY_TOKENTTL", "2h");
    environment.put("BOXOFFICE_TOKEN_SECRET", TOKEN_SECRET);
    environment.put("SERVER_TOMCAT_MAXCONNECTIONS", "10000");
    environment.put("SERVER_TOMCAT_ACCEPTCOUNT", "4096");
    log.printf(
        "starting %s on port %d with database %s%n",
        config.jar().getFileName(), port, database.name());
    var process = builder.start();
    var app = new LocalApp(config, process, database, URI.create("http://127.0.0.1:" + port), work);
    try {
      app.awaitReady();
    } catch (Exception e) {
      app.close();
      throw e;
    }
    return app;
  }

  private void awaitReady() throws Exception {
    var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    var readiness =
        HttpRequest.newBuilder(baseUrl.resolve("/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the application exited with " + process.exitValue() + ":\n" + logTail());
      }
      try {
        if (client.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(
        "the application was not ready within " + STARTUP + ":\n" + logTail());
  }

  private String logTail() throws IOException {
    var lines = Files.readAllLines(config.log());
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  public URI baseUrl() {
    return baseUrl;
  }

  public Database database() {
    return database;
  }

  public long pid() {
    return process.pid();
  }

  /** Stops the application (gracefully, then forcibly) and drops its database unless kept. */
  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    if (!config.keepDatabase() && config.databaseName() == null) {
      execute(config.server(), "drop database if exists " + database.name() + " with (force)");
    }
    try (Stream<Path> files = Files.walk(workDirectory)) {
      for (var file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static boolean exists(Database server, String name) throws Exception {
    try (var connection = server.connect();
        var query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
      query.setString(1, name);
      try (var rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }

  private static void execute(Database database, String sql) throws Exception {
    try (var connection = database.connect();
        var statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
