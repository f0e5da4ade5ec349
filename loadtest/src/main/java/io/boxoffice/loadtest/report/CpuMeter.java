package io.boxoffice.loadtest.report;

import com.sun.management.OperatingSystemMXBean;
import io.boxoffice.loadtest.http.Api;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * CPU seconds used by the application, PostgreSQL and the harness itself between {@link #begin()}
 * and {@link #end()}. The application's from {@code /proc/<pid>/stat} when the harness started it,
 * else from its {@code /actuator/prometheus} ({@code process_cpu_time_ns_total}); PostgreSQL's is
 * the sum over every {@code postgres} process on this machine (other databases' work included),
 * with the CPU of exited backends, which the postmaster has collected as its children's time.
 */
public final class CpuMeter {

  /** Linux clock ticks per second ({@code getconf CLK_TCK}). */
  private static final double TICKS = 100.0;

  private record Sample(long nanos, Double app, double postgres, double harness) {}

  private final Api api;
  private final OptionalLong appPid;
  private Sample first;
  private Sample last;

  public CpuMeter(Api api, OptionalLong appPid) {
    this.api = api;
    this.appPid = appPid;
  }

  public void begin() {
    first = sample();
  }

  public void end() {
    last = sample();
  }

  /** Null if the meter was not started and stopped. */
  public CpuUsage usage() {
    if (first == null || last == null) {
      return null;
    }
    return new CpuUsage(
        (last.nanos() - first.nanos()) / 1e9,
        first.app() == null || last.app() == null ? null : last.app() - first.app(),
        last.postgres() - first.postgres(),
        last.harness() - first.harness());
  }

  private Sample sample() {
    return new Sample(System.nanoTime(), app(), postgres(), harness());
  }

  private Double app() {
    if (appPid.isPresent()) {
      return processSeconds(Path.of("/proc", Long.toString(appPid.getAsLong()), "stat"));
    }
    var metrics = api.get("/actuator/prometheus", null);
    if (!metrics.ok()) {
      return null;
    }
    for (var line : metrics.body().split("\n")) {
      if (line.startsWith("process_cpu_time_ns_total")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) / 1e9;
      }
      if (line.startsWith("process_cpu_seconds_total")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return null;
  }

  private static double postgres() {
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      return processes
          .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .map(p -> p.resolve("stat"))
          .filter(CpuMeter::isPostgres)
          .mapToDouble(CpuMeter::withReapedChildren)
          .sum();
    } catch (IOException e) {
      return 0;
    }
  }

  private static boolean isPostgres(Path stat) {
    try {
      return Files.readString(stat).contains("(postgres)");
    } catch (IOException gone) {
      return false;
    }
  }

  /** utime + stime (fields 14 and 15 of {@code /proc/<pid>/stat}), in seconds. */
  private static double processSeconds(Path stat) {
    var times = times(stat);
    return times[0] + times[1];
  }

  /** utime + stime of the process and cutime + cstime of its exited children, in seconds. */
  private static double withReapedChildren(Path stat) {
    var times = times(stat);
    return times[0] + times[1] + times[2] + times[3];
  }

  /** Fields 14 to 17 (utime, stime, cutime, cstime) in seconds; zeros if the process is gone. */
  private static double[] times(Path stat) {
    try {
      var text = Files.readString(stat);
      var fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
      var times = new double[4];
      for (int i = 0; i < 4; i++) {
        times[i] = Long.parseLong(fields[11 + i]) / TICKS;
      }
      return times;
    } catch (IOException | RuntimeException gone) {
      return new double[4];
    }
  }

  private static double harness() {
    var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return os.getProcessCpuTime() / 1e9;
  }
}
