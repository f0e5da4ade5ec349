package io.boxoffice.shared.jdbc;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Work that must only happen once the current transaction has committed. */
public final class AfterCommit {

  private AfterCommit() {}

  /**
   * Runs {@code action} after the current transaction commits (not at all if it rolls back), or at
   * once when no transaction is active. It runs on the committing thread, which still holds its
   * connection: hand anything that needs a connection of its own to another thread.
   */
  public static void run(Runnable action) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      action.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            action.run();
          }
        });
  }
}
