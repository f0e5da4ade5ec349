package io.boxoffice.loadtest.scenario;

import io.boxoffice.loadtest.baseline.Baselines;
import io.boxoffice.loadtest.drive.Recorder;
import io.boxoffice.loadtest.history.History;
import io.boxoffice.loadtest.history.Operation;
import io.boxoffice.loadtest.history.RunClock;
import io.boxoffice.loadtest.http.Api;
import io.boxoffice.loadtest.report.CpuMeter;
import io.boxoffice.loadtest.setup.Accounts;
import io.boxoffice.loadtest.setup.Customer;
import io.boxoffice.loadtest.setup.Database;
import io.boxoffice.loadtest.setup.Organizer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * What a scenario works with: the deployment (API and database), the history of the measured part
 * and a separate one for warm-up, the CPU meter, and set-up helpers.
 */
public final class Run implements AutoCloseable {

  /** Who sets events up and how accounts are made. */
  public record Setup(
      String organizerEmail, String organizerPassword, int parallelism, Path accountsCache) {}

  private final String id;
  private final Api api;
  private final Database database;
  private final Path out;
  private final PrintStream log;
  private final Setup setup;
  private final RunClock clock = new RunClock();
  private final History history;
  private final CpuMeter cpu;
  private History warmupHistory;
  private Baselines baselines;

  public Run(
      String id, Api api, Database database, Path out, PrintStream log, Setup setup, CpuMeter cpu) {
    this.id = id;
    this.api = api;
    this.database = database;
    this.out = out;
    this.log = log;
    this.setup = setup;
    this.cpu = cpu;
    this.history = new History(out.resolve("history.jsonl"));
  }

  public String id() {
    return id;
  }

  public Api api() {
    return api;
  }

  public Database database() {
    return database;
  }

  public PrintStream log() {
    return log;
  }

  public RunClock clock() {
    return clock;
  }

  public CpuMeter cpu() {
    return cpu;
  }

  /**
   * Starts the measured part: the database's statistics brought up to date first if the server does
   * not keep them (see {@link Database#analyzeUnlessAutovacuum}), then the CPU meter.
   */
  public void beginMeasuring() throws java.sql.SQLException {
    if (database.analyzeUnlessAutovacuum()) {
      log.println("autovacuum is off on this server: analyzed the database before measuring");
    }
    cpu.begin();
  }

  /** The limits measured before the scenario; null if they were not measured. */
  public Baselines baselines() {
    return baselines;
  }

  public void baselines(Baselines measured) {
    this.baselines = measured;
  }

  /** Records into the run's history, which the report and the checker read. */
  public Shopper shopper() {
    return new Shopper(api, new Recorder(history, clock));
  }

  /** Records into {@code warmup.jsonl}, which nothing reads back. */
  public synchronized Shopper warmupShopper() {
    if (warmupHistory == null) {
      warmupHistory = new History(out.resolve("warmup.jsonl"));
    }
    return new Shopper(api, new Recorder(warmupHistory, clock));
  }

  public List<Operation> operations() {
    return history.operations();
  }

  public List<Customer> customers(int count) throws Exception {
    return accounts().obtain(count, setup.accountsCache());
  }

  public Organizer organizer() throws Exception {
    return Organizer.obtain(
        accounts(), api, database, id, setup.organizerEmail(), setup.organizerPassword());
  }

  private Accounts accounts() {
    return new Accounts(api, id, setup.parallelism(), log);
  }

  @Override
  public synchronized void close() {
    history.close();
    if (warmupHistory != null) {
      warmupHistory.close();
    }
  }
}
