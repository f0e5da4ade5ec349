package io.boxoffice.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import redis.embedded.RedisServer;

/**
 * The real PostgreSQL and Redis that tests run against: the configured ones ({@code
 * SPRING_DATASOURCE_URL}, {@code BOXOFFICE_REDIS_URL}), else those on localhost's standard ports if
 * they answer, else embedded ones started here. Each test JVM gets a database of its own, created
 * on that server and dropped when the JVM exits, so a developer's data is never touched.
 */
public final class TestServices {

  /** Where to connect and as whom. */
  public record Database(String url, String username, String password) {}

  private static Database database;
  private static String redisUrl;

  private TestServices() {}

  public static synchronized Database database() {
    if (database == null) {
      database = createDatabase(server());
    }
    return database;
  }

  public static synchronized String redisUrl() {
    if (redisUrl == null) {
      redisUrl = findRedis();
    }
    return redisUrl;
  }

  private static Database server() {
    var configured = System.getenv("SPRING_DATASOURCE_URL");
    if (configured != null && !configured.isBlank()) {
      return new Database(
          configured,
          orDefault(System.getenv("SPRING_DATASOURCE_USERNAME"), "postgres"),
          orDefault(System.getenv("SPRING_DATASOURCE_PASSWORD"), ""));
    }
    if (answers("127.0.0.1", 5432)) {
      var local = new Database("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
      if (canConnect(local)) {
        return local;
      }
    }
    try {
      var embedded =
          EmbeddedPostgres.builder()
              .setDataDirectory(Files.createTempDirectory("boxoffice-test-pg"))
              .setCleanDataDirectory(true)
              .start();
      return new Database(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "");
    } catch (IOException e) {
      throw new UncheckedIOException("could not start an embedded PostgreSQL for the tests", e);
    }
  }

  /**
   * Creates {@code boxoffice_test_<pid>_<random>}. Databases of test JVMs that have ended are
   * dropped here, at the next start, rather than in a shutdown hook: the hook would race the
   * application contexts' own shutdown, which still needs its database.
   */
  private static Database createDatabase(Database server) {
    var pid = ProcessHandle.current().pid();
    var name = "boxoffice_test_" + pid + "_" + UUID.randomUUID().toString().substring(0, 8);
    try (var connection =
            DriverManager.getConnection(server.url(), server.username(), server.password());
        var statement = connection.createStatement()) {
      dropLeftovers(statement);
      statement.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "tests need a PostgreSQL role that may create databases at " + server.url(), e);
    }
    return new Database(withDatabase(server.url(), name), server.username(), server.password());
  }

  private static void dropLeftovers(java.sql.Statement statement) throws SQLException {
    var leftovers = new java.util.ArrayList<String>();
    try (var rows =
        statement.executeQuery(
            "select datname from pg_database where datname like 'boxoffice\\_test\\_%'")) {
      while (rows.next()) {
        leftovers.add(rows.getString(1));
      }
    }
    for (var name : leftovers) {
      var parts = name.split("_");
      boolean alive =
          parts.length == 4
              && parts[2].chars().allMatch(Character::isDigit)
              && ProcessHandle.of(Long.parseLong(parts[2]))
                  .map(ProcessHandle::isAlive)
                  .orElse(false);
      if (!alive) {
        statement.execute("drop database if exists " + name + " with (force)");
      }
    }
  }

  /** Replaces the database name in {@code jdbc:postgresql://host:port/db?params}. */
  static String withDatabase(String url, String name) {
    int hostStart = url.indexOf("//") + 2;
    int slash = url.indexOf('/', hostStart);
    int query = url.indexOf('?', hostStart);
    var host = url.substring(0, slash < 0 ? (query < 0 ? url.length() : query) : slash);
    var params = query < 0 ? "" : url.substring(query);
    return host + "/" + name + params;
  }

  private static String findRedis() {
    var configured = System.getenv("BOXOFFICE_REDIS_URL");
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    if (redisAnswers("127.0.0.1", 6379)) {
      return "redis://127.0.0.1:6379";
    }
    try {
      int port;
      try (var socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      var redis = RedisServer.newRedisServer().bind("127.0.0.1").port(port).build();
      redis.start();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      redis.stop();
                    } catch (IOException ignored) {
                      // the process ends anyway
                    }
                  }));
      return "redis://127.0.0.1:" + port;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start an embedded Redis for the tests", e);
    }
  }

  private static boolean answers(String host, int port) {
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean canConnect(Database database) {
    try (var connection =
        DriverManager.getConnection(database.url(), database.username(), database.password())) {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private static boolean redisAnswers(String host, int port) {
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 500);
      socket.setSoTimeout(1000);
      socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      var reply = new byte[7];
      int read = socket.getInputStream().read(reply);
      return read > 0
          && new String(reply, 0, read, StandardCharsets.US_ASCII)
              .toUpperCase(Locale.ROOT)
              .startsWith("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
