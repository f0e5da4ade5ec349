package io.boxoffice.shared.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The mode for requests whose effect is local database state (holds and everything else but the
 * order endpoints): the whole request runs in one transaction opened here, and the services'
 * {@code @Transactional} methods join it. The response is stored in that same transaction, so the
 * effect and its stored response commit together or not at all; a crash in between leaves neither.
 *
 * <p>Same-key requests are serialised by a transaction-scoped advisory lock taken with {@code
 * pg_try_advisory_xact_lock}: never waiting, so a duplicate is answered 409 at once instead of
 * holding a connection, and the lock cannot deadlock with the services' own locks.
 *
 * <p>A refusal (4xx) had no effect, so the transaction is rolled back and the refusal is stored in
 * a transaction of its own: replaying it gives the same 4xx. A {@code DomainException} thrown in a
 * service marks the transaction rollback-only before the {@code ProblemHandler} turns it into the
 * 4xx, which is why rollback-only is checked, not only the status. A 5xx is not stored: the client
 * may retry.
 */
final class InOneTransaction {

  private static final Logger log = LoggerFactory.getLogger(InOneTransaction.class);

  /** What the transaction decided. */
  private sealed interface Outcome {

    record InFlight() implements Outcome {}

    /** The key belongs to another request; {@code ran}: this one ran first and was undone. */
    record Reused(boolean ran) implements Outcome {}

    record Replay(StoredResponse response) implements Outcome {}

    /** The request ran; its response was stored with the effect if {@code committed}. */
    record Ran(StoredResponse response, boolean committed) implements Outcome {}

    /** The transaction could not commit (or a success was answered for a rolled-back one). */
    record Broken() implements Outcome {}
  }

  private final IdempotencyKeys keys;
  private final TransactionTemplate transactions;

  InOneTransaction(IdempotencyKeys keys, TransactionTemplate transactions) {
    this.keys = keys;
    this.transactions = transactions;
  }

  void serve(
      IdempotentCall call,
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain)
      throws IOException, ServletException {
    var captured = new ContentCachingResponseWrapper(response);
    Outcome outcome;
    try {
      outcome = transactions.execute(tx -> decide(call, request, captured, chain, tx));
    } catch (ChainFailure failure) {
      failure.rethrow();
      return;
    } catch (DataAccessException | TransactionException e) {
      if (response.isCommitted()) {
        throw e;
      }
      // the lookup or the commit failed: everything was rolled back, the client may retry
      log.warn("{} {} rolled back: {}", call.method(), call.path(), e.toString());
      outcome = new Outcome.Broken();
    }
    switch (outcome) {
      case Outcome.InFlight ignored -> KeyProblems.inFlight(response);
      case Outcome.Reused reused -> {
        if (reused.ran()) {
          response.reset(); // the headers the undone request set
        }
        KeyProblems.reused(response);
      }
      case Outcome.Replay replay -> replay.response().replayTo(response);
      case Outcome.Ran ran -> {
        if (!ran.committed() && !ran.response().serverError()) {
          storeRefusal(call, ran.response());
        }
        captured.copyBodyToResponse();
      }
      case Outcome.Broken ignored -> {
        response.reset();
        KeyProblems.failed(response);
      }
    }
  }

  private Outcome decide(
      IdempotentCall call,
      HttpServletRequest request,
      ContentCachingResponseWrapper captured,
      FilterChain chain,
      TransactionStatus tx) {
    if (!keys.tryLock(call)) {
      return new Outcome.InFlight();
    }
    var existing = keys.find(call);
    if (existing.isPresent()) {
      var entry = existing.get();
      if (!entry.fingerprint().equals(call.fingerprint())) {
        return new Outcome.Reused(false);
      }
      return entry.done() ? new Outcome.Replay(entry.response()) : new Outcome.InFlight();
    }
    run(chain, request, captured);
    var produced = StoredResponse.of(captured);
    if (produced.succeeded() && !tx.isRollbackOnly()) {
      if (keys.insertDone(call, produced)) {
        return new Outcome.Ran(produced, true);
      }
      // a purchase claimed this key meanwhile (it takes no advisory lock): it is not ours
      tx.setRollbackOnly();
      return new Outcome.Reused(true);
    }
    // local rollback-only: the template rolls back quietly instead of throwing
    // UnexpectedRollbackException for the rollback-only mark a service left behind
    tx.setRollbackOnly();
    if (produced.succeeded()) {
      log.error(
          "{} {} answered {} but its transaction was rolled back",
          call.method(),
          call.path(),
          produced.status());
      return new Outcome.Broken();
    }
    return new Outcome.Ran(produced, false);
  }

  /**
   * Stores a refusal after its transaction was rolled back. The advisory lock was released with
   * that rollback, so it is taken again: if another request with the key got it in between, that
   * request's answer is the one stored.
   */
  private void storeRefusal(IdempotentCall call, StoredResponse refused) {
    try {
      transactions.executeWithoutResult(
          tx -> {
            if (keys.tryLock(call)) {
              keys.insertDone(call, refused);
            }
          });
    } catch (DataAccessException | TransactionException e) {
      log.warn(
          "could not store the refusal of {} {}: {}", call.method(), call.path(), e.toString());
    }
  }

  private static void run(
      FilterChain chain, HttpServletRequest request, HttpServletResponse response) {
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException e) {
      throw new ChainFailure(e);
    }
  }

  /** Carries the chain's checked exceptions through the transaction callback, which rolls back. */
  private static final class ChainFailure extends RuntimeException {

    ChainFailure(Exception cause) {
      super(cause);
    }

    void rethrow() throws IOException, ServletException {
      if (getCause() instanceof IOException io) {
        throw io;
      }
      throw (ServletException) getCause();
    }
  }
}
