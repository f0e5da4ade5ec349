package io.boxoffice.loadtest.setup;

import io.boxoffice.loadtest.http.Api;
import io.boxoffice.loadtest.http.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Customer accounts made through the public API: {@code POST /api/v1/accounts}, then {@code POST
 * /api/v1/auth/token}. Both hash a password (Argon2id), so this is CPU-bound on the server and runs
 * only {@code parallelism} at a time. With a cache file, accounts (and their tokens, while the
 * server still accepts them) are reused by later runs against the same deployment.
 */
public final class Accounts {

  static final String PASSWORD = "loadtest-password";
  static final String DOMAIN = "@loadtest.boxoffice.io";

  private final Api api;
  private final String runId;
  private final int parallelism;
  private final PrintStream log;

  public Accounts(Api api, String runId, int parallelism, PrintStream log) {
    this.api = api;
    this.runId = runId;
    this.parallelism = parallelism;
    this.log = log;
  }

  /**
   * {@code count} customers: from {@code cache} if given (signed in again if need be), the rest
   * new.
   */
  public List<Customer> obtain(int count, Path cache) throws Exception {
    var cached = cache == null || !Files.exists(cache) ? List.<Customer>of() : read(cache, count);
    var customers = new ArrayList<Customer>(count);
    if (!cached.isEmpty()) {
      boolean valid = api.get("/api/v1/me", cached.getFirst().token()).ok();
      log.printf(
          "reusing %,d cached accounts%s%n", cached.size(), valid ? "" : ", signing them in again");
      customers.addAll(valid ? cached : inParallel(cached.size(), i -> signedIn(cached.get(i))));
    }
    int first = customers.size();
    if (count > first) {
      log.printf("registering %,d customers through the API%n", count - first);
      customers.addAll(
          inParallel(
              count - first, i -> register(first + i, "lt-" + runId + "-" + (first + i) + DOMAIN)));
    }
    if (cache != null) {
      write(cache, customers);
    }
    return List.copyOf(customers);
  }

  private boolean signsIn(Customer customer) {
    return api.post(
            "/api/v1/auth/token",
            null,
            Map.of("email", customer.email(), "password", PASSWORD),
            Map.of())
        .ok();
  }

  private Customer signedIn(Customer customer) {
    return new Customer(
        customer.index(), customer.id(), customer.email(), signIn(api, customer.email(), PASSWORD));
  }

  private interface Task<T> {
    T run(int index) throws Exception;
  }

  private <T> List<T> inParallel(int count, Task<T> task) throws Exception {
    var slots = new Semaphore(parallelism);
    var done = new AtomicInteger();
    var futures = new ArrayList<Future<T>>(count);
    long started = System.nanoTime();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < count; i++) {
        int index = i;
        Callable<T> call =
            () -> {
              slots.acquire();
              try {
                var result = task.run(index);
                int n = done.incrementAndGet();
                if (n % Math.max(1, count / 10) == 0) {
                  log.printf(
                      "  %,d of %,d (%.0f s)%n", n, count, (System.nanoTime() - started) / 1e9);
                }
                return result;
              } finally {
                slots.release();
              }
            };
        futures.add(executor.submit(call));
      }
    }
    var results = new ArrayList<T>(count);
    for (var future : futures) {
      results.add(future.get());
    }
    return results;
  }

  /** Registers {@code email} and signs it in. */
  Customer register(int index, String email) {
    var account =
        api.post(
                "/api/v1/accounts",
                null,
                Map.of("email", email, "password", PASSWORD, "displayName", "Fan " + index),
                Map.of())
            .expect("registering " + email, 201)
            .json();
    return new Customer(
        index, UUID.fromString(Json.text(account, "id")), email, signIn(api, email, PASSWORD));
  }

  public static String signIn(Api api, String email, String password) {
    var response =
        api.post("/api/v1/auth/token", null, Map.of("email", email, "password", password), Map.of())
            .expect("signing in " + email, 200);
    return Json.text(response.json(), "accessToken");
  }

  private static List<Customer> read(Path cache, int count) throws IOException {
    try (var lines = Files.lines(cache)) {
      var stored =
          lines
              .filter(l -> !l.isBlank())
              .limit(count)
              .map(l -> Json.MAPPER.readValue(l, Customer.class))
              .toList();
      var customers = new ArrayList<Customer>(stored.size());
      for (int i = 0; i < stored.size(); i++) {
        var c = stored.get(i);
        customers.add(new Customer(i, c.id(), c.email(), c.token()));
      }
      return customers;
    }
  }

  /** Keeps accounts the cache had beyond {@code customers}. */
  private static void write(Path cache, List<Customer> customers) throws IOException {
    var beyond =
        Files.exists(cache)
            ? Files.readAllLines(cache).stream()
                .filter(l -> !l.isBlank())
                .skip(customers.size())
                .toList()
            : List.<String>of();
    var lines = new ArrayList<String>();
    customers.forEach(c -> lines.add(Json.write(c)));
    lines.addAll(beyond);
    Files.write(cache, lines, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
  }
}
