package io.boxoffice.loadtest.report;

/**
 * A performance target from issue 8, with what was measured; {@code met} is null when the run had
 * nothing to measure it with (e.g. no pgbench).
 */
public record Goal(String name, String target, String measured, Boolean met) {}
