package io.boxoffice.catalog;

import java.time.Instant;

/**
 * A search over published events. Null criteria match everything.
 *
 * @param text matched, case-insensitively, against title, performer, venue and city
 * @param from events starting at or after this instant
 * @param to events starting before this instant
 * @param city the venue's city, case-insensitively
 * @param page zero-based page number
 * @param size events per page
 */
public record EventQuery(String text, Instant from, Instant to, String city, int page, int size) {}
