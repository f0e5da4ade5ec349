package io.boxoffice.loadtest.report;

import io.boxoffice.loadtest.history.Operation;
import io.boxoffice.loadtest.history.Outcome;
import java.util.Set;

/**
 * How the report counts an operation: a success; a correct rejection (taken, sold out, declined,
 * rate-limited, over the per-customer limit: the server said no on purpose); or an error (anything
 * else, including timeouts, 5xx, requests the harness could not send, and refusals no correct
 * client should get).
 */
public enum Kind {
  SUCCESS,
  REJECTION,
  ERROR;

  static final Set<Integer> REJECTIONS = Set.of(402, 409, 429);

  public static Kind of(Operation operation) {
    if (operation.outcome() == Outcome.OK) {
      return SUCCESS;
    }
    boolean refused =
        REJECTIONS.contains(operation.status())
            || (operation.status() == 422 && "ticket-limit".equals(operation.reason()));
    return operation.outcome() == Outcome.FAIL && refused ? REJECTION : ERROR;
  }
}
