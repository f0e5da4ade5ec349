package io.boxoffice.loadtest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code run.json}: what {@code check --run-dir} needs to check a finished run again (the database
 * must still exist: {@code --keep-db} when the harness started the application).
 */
public record RunManifest(
    String scenario,
    String runId,
    String startedAt,
    String baseUrl,
    String jdbcUrl,
    String dbUser,
    List<UUID> events,
    Map<String, String> options) {}
