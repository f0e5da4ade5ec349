package io.boxoffice.catalog;

import java.util.UUID;

/** A section of a venue, as tier assignments refer to it. */
public record VenueSection(UUID id, String name, SectionKind kind, int capacity) {}
