package io.boxoffice.loadtest.setup;

import java.util.UUID;

/** A registered account with a bearer token; {@code index} is its client number in the history. */
public record Customer(int index, UUID id, String email, String token) {}
