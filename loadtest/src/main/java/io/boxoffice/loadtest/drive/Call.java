package io.boxoffice.loadtest.drive;

import io.boxoffice.loadtest.history.Operation;
import io.boxoffice.loadtest.history.Outcome;
import io.boxoffice.loadtest.http.Response;

/** A recorded request: the history line and the response it was made from. */
public record Call(Operation operation, Response response) {

  public boolean ok() {
    return operation.outcome() == Outcome.OK;
  }

  public int status() {
    return operation.status();
  }

  public String reason() {
    return operation.reason();
  }
}
