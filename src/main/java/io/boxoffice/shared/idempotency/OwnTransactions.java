package io.boxoffice.shared.idempotency;

/**
 * Marks keyed POSTs whose handler commits its own work and must not run inside the key's
 * transaction: the key is then claimed, the request runs with no transaction around it, and its
 * response is stored afterwards ({@link ClaimThenComplete}), as for the order endpoints. A module
 * contributes a bean; e.g. inventory's group commit of general-admission holds, whose batch commits
 * on a connection of its own while the request waits holding none.
 */
@FunctionalInterface
public interface OwnTransactions {

  /** True if this POST ({@code path} without the context path, its raw body) is one of them. */
  boolean matches(String path, byte[] body);
}
