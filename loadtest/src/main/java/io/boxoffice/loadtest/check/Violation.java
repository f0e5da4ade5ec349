package io.boxoffice.loadtest.check;

/** One broken invariant: which check found it, and the rows or operations involved. */
public record Violation(String check, String detail) {}
