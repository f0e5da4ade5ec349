package io.boxoffice.loadtest.baseline;

/**
 * The limits measured in the same run, that every figure is compared with.
 *
 * @param pgbench null when pgbench is not installed
 */
public record Baselines(HttpCeiling http, PgBench pgbench) {}
