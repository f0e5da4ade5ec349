package io.boxoffice.loadtest.report;

import io.boxoffice.loadtest.setup.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The machine and servers a run measured, for the report's header. */
public record Environment(
    int cpus,
    String os,
    String java,
    String postgres,
    Map<String, String> postgresSettings,
    String application,
    String loadAverageBefore,
    String loadAverageAfter) {

  private static final String SETTINGS =
      "'fsync', 'synchronous_commit', 'wal_sync_method', 'commit_delay', 'shared_buffers',"
          + " 'max_connections', 'autovacuum'";

  /** {@code loadAverageBefore}: {@link #loadAverage()} when the run began, before any load. */
  public static Environment capture(Database database, String application, String loadAverageBefore)
      throws SQLException {
    var settings = new LinkedHashMap<String, String>();
    String version;
    try (var connection = database.connect();
        var statement = connection.createStatement()) {
      try (var rows = statement.executeQuery("show server_version")) {
        rows.next();
        version = rows.getString(1);
      }
      try (var rows =
          statement.executeQuery(
              "select name, setting, unit from pg_settings where name in ("
                  + SETTINGS
                  + ") order by name")) {
        while (rows.next()) {
          var unit = rows.getString("unit");
          settings.put(
              rows.getString("name"),
              rows.getString("setting") + (unit == null ? "" : " × " + unit));
        }
      }
    }
    return new Environment(
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("java.vm.name") + " " + Runtime.version(),
        version,
        settings,
        application,
        loadAverageBefore,
        loadAverage());
  }

  /** {@code /proc/loadavg}: other work on the machine shows here. */
  public static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
