package io.boxoffice.identity;

import java.time.Instant;

/** An account as other modules and clients see it: never with its password hash. */
public record Account(
    AccountId id, String email, String displayName, Role role, Instant createdAt) {}
