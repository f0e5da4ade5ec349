package io.boxoffice.shared.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The mode for the order endpoints (purchase, refund, cancel). They call the payment provider,
 * which must never happen inside a transaction, and their saga commits its own steps as it goes. So
 * the key is claimed ({@code IN_FLIGHT}) in a short transaction of its own, the request runs with
 * no transaction around it, and its response is stored when it ends ({@code DONE}).
 *
 * <p>A 5xx, or an exception out of the chain, releases the claim so that the client may retry; the
 * saga itself refuses to pay for a hold twice. A claim older than {@code
 * boxoffice.idempotency.abandon-after} belonged to a request that died with its instance: the next
 * request with the key takes it over and runs (the order's recovery has meanwhile driven the first
 * attempt on). Each claim carries a random id, so a request whose claim was taken over can neither
 * complete nor release it any more.
 */
final class ClaimThenComplete {

  private static final Logger log = LoggerFactory.getLogger(ClaimThenComplete.class);

  /** What the claim transaction decided. */
  private sealed interface Claim {

    record Claimed() implements Claim {}

    record InFlight() implements Claim {}

    record Reused() implements Claim {}

    record Replay(StoredResponse response) implements Claim {}
  }

  private final IdempotencyKeys keys;
  private final TransactionTemplate transactions;

  ClaimThenComplete(IdempotencyKeys keys, TransactionTemplate transactions) {
    this.keys = keys;
    this.transactions = transactions;
  }

  void serve(
      IdempotentCall call,
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain)
      throws IOException, ServletException {
    var id = UUID.randomUUID();
    switch (transactions.execute(tx -> claim(call, id))) {
      case Claim.Claimed ignored -> run(call, id, request, response, chain);
      case Claim.InFlight ignored -> KeyProblems.inFlight(response);
      case Claim.Reused ignored -> KeyProblems.reused(response);
      case Claim.Replay replay -> replay.response().replayTo(response);
    }
  }

  private Claim claim(IdempotentCall call, UUID id) {
    if (keys.claim(call, id)) {
      return new Claim.Claimed();
    }
    var existing = keys.find(call);
    if (existing.isEmpty()) {
      return new Claim.InFlight(); // released a moment ago: the client's retry will run it
    }
    var entry = existing.get();
    if (!entry.fingerprint().equals(call.fingerprint())) {
      return new Claim.Reused();
    }
    if (entry.done()) {
      return new Claim.Replay(entry.response());
    }
    return entry.abandoned() && keys.takeOver(call, id)
        ? new Claim.Claimed()
        : new Claim.InFlight();
  }

  private void run(
      IdempotentCall call,
      UUID id,
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain)
      throws IOException, ServletException {
    var captured = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, captured);
    } catch (IOException | ServletException | RuntimeException e) {
      settle(call, id, null);
      throw e;
    }
    settle(call, id, StoredResponse.of(captured));
    captured.copyBodyToResponse();
  }

  /**
   * Completes the claim with the response, or releases it ({@code produced} null or a 5xx). A
   * failure here is logged, not answered: the request's effect happened and the client gets its
   * real answer; a retry gets 409 until the claim is abandoned, then runs again.
   */
  private void settle(IdempotentCall call, UUID id, StoredResponse produced) {
    try {
      transactions.executeWithoutResult(
          tx -> {
            if (produced == null || produced.serverError()) {
              keys.release(call, id);
            } else if (!keys.complete(call, id, produced)) {
              log.warn(
                  "{} {} finished after its key was taken over; its response is not stored",
                  call.method(),
                  call.path());
            }
          });
    } catch (DataAccessException | TransactionException e) {
      log.warn("could not settle the key of {} {}: {}", call.method(), call.path(), e.toString());
    }
  }
}
