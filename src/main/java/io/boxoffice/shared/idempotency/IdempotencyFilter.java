package io.boxoffice.shared.idempotency;

import io.boxoffice.shared.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The {@code Idempotency-Key} contract of API.md for POSTs under {@code /api/**} by a signed-in
 * account. Required on holds, orders, refunds and cancels (400 without it); honoured on every other
 * POST that sends one. Keys are scoped per account. A replay answers the stored status,
 * Content-Type, Location and body byte for byte, with {@code Idempotent-Replayed: true}; the same
 * key with a different request is 422; while the first is still running, 409.
 *
 * <p>Two modes. Most requests run inside one transaction opened here, so the stored response
 * commits together with the effect (or neither does). {@code POST /api/v1/orders} calls a payment
 * provider, which must never happen inside a transaction: there the key is claimed in its own short
 * transaction first and completed afterwards; a claim left by a request that died with its instance
 * is taken over after {@code boxoffice.idempotency.abandon-after}.
 */
class IdempotencyFilter extends OncePerRequestFilter {

  static final String HEADER = "Idempotency-Key";
  static final String REPLAYED = "Idempotent-Replayed";

  private static final Pattern REQUIRED =
      Pattern.compile(
          "^/api/v1/(events/[^/]+/holds|orders|orders/[^/]+/refund|orders/[^/]+/cancel)$");
  private static final Pattern SAGA = Pattern.compile("^/api/v1/orders$");
  private static final Pattern VALID_KEY = Pattern.compile("^[\\x21-\\x7e]{1,255}$");

  private final IdempotencyKeys keys;
  private final TransactionTemplate transaction;
  private final TransactionTemplate separately;

  IdempotencyFilter(IdempotencyKeys keys, PlatformTransactionManager transactions) {
    this.keys = keys;
    this.transaction = new TransactionTemplate(transactions);
    this.separately = new TransactionTemplate(transactions);
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !request.getRequestURI().startsWith("/api/")
        || account() == null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var path = request.getRequestURI();
    var key = request.getHeader(HEADER);
    if (key == null) {
      if (REQUIRED.matcher(path).matches()) {
        ProblemResponses.write(
            response,
            HttpStatus.BAD_REQUEST,
            "idempotency-key-missing",
            "Idempotency-Key missing",
            "Send an Idempotency-Key header (a UUID) with this request");
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    if (!VALID_KEY.matcher(key).matches()) {
      ProblemResponses.write(
          response,
          HttpStatus.BAD_REQUEST,
          "idempotency-key-invalid",
          "Idempotency-Key invalid",
          "An Idempotency-Key is 1 to 255 printable ASCII characters");
      return;
    }
    var buffered = new BufferedRequest(request, request.getInputStream().readAllBytes());
    var call =
        new Call(
            account(),
            key,
            request.getMethod(),
            path,
            fingerprint(request.getMethod(), path, buffered.body()));
    if (SAGA.matcher(path).matches()) {
      runClaimed(call, buffered, response, chain);
    } else {
      runInTransaction(call, buffered, response, chain);
    }
  }

  private record Call(UUID account, String key, String method, String path, String fingerprint) {}

  private void runInTransaction(
      Call call, BufferedRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException {
    var captured = new ContentCachingResponseWrapper(response);
    var stored =
        transaction.execute(
            status -> {
              if (!keys.tryLock(call.account(), call.key())) {
                return Answer.IN_FLIGHT;
              }
              var existing = keys.find(call.account(), call.key());
              if (existing.isPresent()) {
                return existing.get().fingerprint().equals(call.fingerprint())
                    ? new Answer(existing.get().response())
                    : Answer.REUSED;
              }
              run(chain, request, captured);
              var outcome = response(captured);
              if (outcome.status() >= 400 || status.isRollbackOnly()) {
                status.setRollbackOnly(); // a refusal changed nothing; a 5xx is not remembered
                return new Answer(null, outcome);
              }
              keys.insertDone(
                  call.account(),
                  call.key(),
                  call.method(),
                  call.path(),
                  call.fingerprint(),
                  outcome);
              return new Answer(null, null);
            });
    if (stored.refused() != null && stored.refused().status() < 500) {
      separately.executeWithoutResult(
          s ->
              keys.insertDone(
                  call.account(),
                  call.key(),
                  call.method(),
                  call.path(),
                  call.fingerprint(),
                  stored.refused()));
    }
    finish(stored, captured, response);
  }

  private void runClaimed(
      Call call, BufferedRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException {
    var claim =
        separately.execute(
            status -> {
              if (keys.claim(
                  call.account(), call.key(), call.method(), call.path(), call.fingerprint())) {
                return Answer.CLAIMED;
              }
              var existing = keys.find(call.account(), call.key()).orElse(null);
              if (existing == null) {
                return Answer.IN_FLIGHT; // released meanwhile: let the client retry
              }
              if (!existing.fingerprint().equals(call.fingerprint())) {
                return Answer.REUSED;
              }
              if (existing.done()) {
                return new Answer(existing.response());
              }
              return existing.abandoned() && keys.takeOver(call.account(), call.key())
                  ? Answer.CLAIMED
                  : Answer.IN_FLIGHT;
            });
    if (claim != Answer.CLAIMED) {
      finish(claim, null, response);
      return;
    }
    var captured = new ContentCachingResponseWrapper(response);
    try {
      run(chain, request, captured);
    } finally {
      var outcome = response(captured);
      separately.executeWithoutResult(
          s -> {
            if (outcome.status() >= 500) {
              keys.release(call.account(), call.key());
            } else {
              keys.complete(call.account(), call.key(), outcome);
            }
          });
      captured.copyBodyToResponse();
    }
  }

  /** What to answer: a replay, a refusal of the key, or the response just produced. */
  private record Answer(StoredResponse replay, StoredResponse refused) {
    static final Answer IN_FLIGHT = new Answer(null, null);
    static final Answer REUSED = new Answer(null, null);
    static final Answer CLAIMED = new Answer(null, null);

    Answer(StoredResponse replay) {
      this(replay, null);
    }
  }

  private static void finish(
      Answer answer, ContentCachingResponseWrapper captured, HttpServletResponse response)
      throws IOException {
    if (answer == Answer.IN_FLIGHT) {
      ProblemResponses.write(
          response,
          HttpStatus.CONFLICT,
          "idempotency-key-in-flight",
          "Request in progress",
          "A request with this Idempotency-Key is still running; retry shortly");
    } else if (answer == Answer.REUSED) {
      ProblemResponses.write(
          response,
          HttpStatus.UNPROCESSABLE_CONTENT,
          "idempotency-key-reused",
          "Idempotency-Key reused",
          "This Idempotency-Key was used for a different request");
    } else if (answer.replay() != null) {
      var replay = answer.replay();
      response.setStatus(replay.status());
      if (replay.contentType() != null) {
        response.setContentType(replay.contentType());
      }
      if (replay.location() != null) {
        response.setHeader("Location", replay.location());
      }
      response.setHeader(REPLAYED, "true");
      response.getOutputStream().write(replay.body() == null ? new byte[0] : replay.body());
    } else {
      captured.copyBodyToResponse();
    }
  }

  private static void run(
      FilterChain chain, BufferedRequest request, HttpServletResponse response) {
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException e) {
      throw new IllegalStateException(e);
    }
  }

  private static StoredResponse response(ContentCachingResponseWrapper response) {
    return new StoredResponse(
        response.getStatus(),
        response.getContentAsByteArray(),
        response.getContentType(),
        response.getHeader("Location"));
  }

  private static UUID account() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication instanceof JwtAuthenticationToken jwt
        ? UUID.fromString(jwt.getToken().getSubject())
        : null;
  }

  static String fingerprint(String method, String path, byte[] body) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      digest.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
