package io.boxoffice.loadtest.history;

import io.boxoffice.loadtest.http.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every operation of a run, appended as one JSON line each to {@code history.jsonl} and kept in
 * memory for the report. Safe to call from any number of threads.
 */
public final class History implements AutoCloseable {

  private final BufferedWriter out;
  private final List<Operation> operations = new ArrayList<>();

  public History(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      this.out = Files.newBufferedWriter(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public synchronized void record(Operation operation) {
    operations.add(operation);
    try {
      out.write(Json.write(operation));
      out.newLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public synchronized List<Operation> operations() {
    return List.copyOf(operations);
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<Operation> read(Path file) {
    try (var lines = Files.lines(file)) {
      return lines
          .filter(line -> !line.isBlank())
          .map(line -> Json.MAPPER.readValue(line, Operation.class))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
