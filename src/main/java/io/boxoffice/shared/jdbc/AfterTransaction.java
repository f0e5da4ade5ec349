package io.boxoffice.shared.jdbc;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work for when the current transaction is over, or at once when no transaction is active. It runs
 * on the committing thread, which still holds its connection: hand anything that needs a connection
 * of its own to another thread.
 */
public final class AfterTransaction {

  private AfterTransaction() {}

  /**
   * Runs {@code action} once the current transaction has committed (not at all if it rolls back).
   */
  public static void commit(Runnable action) {
    register(
        action,
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            action.run();
          }
        });
  }

  /** Runs {@code action} once the current transaction has ended, committed or rolled back. */
  public static void completion(Runnable action) {
    register(
        action,
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            action.run();
          }
        });
  }

  private static void register(Runnable action, TransactionSynchronization synchronization) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(synchronization);
    } else {
      action.run();
    }
  }
}
