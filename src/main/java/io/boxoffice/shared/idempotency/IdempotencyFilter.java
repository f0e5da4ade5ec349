package io.boxoffice.shared.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The {@code Idempotency-Key} contract of API.md (docs/idempotency.md), for POSTs under {@code
 * /api/**} by a signed-in account. Required on holds, orders, refunds and cancels (400 without it,
 * and nothing happens); honoured on every other such POST that sends one. Unauthenticated POSTs
 * (registration, sign-in, webhooks) are passed through: there is no account to scope a key to.
 *
 * <p>It runs right after Spring Security's filter chain (see {@link IdempotencyConfiguration}), so
 * the account is known and a request refused by security never reaches the key store. The key's
 * format is checked before any lookup. The account is read from the bearer token here rather than
 * through {@code identity.CurrentAccount}: {@code shared} may depend on no module, and {@code
 * /api/**} knows no other kind of sign-in.
 *
 * <p>The order endpoints run in {@link ClaimThenComplete} mode (they call the payment provider,
 * outside any transaction), and so do the requests an {@link OwnTransactions} bean claims;
 * everything else in {@link InOneTransaction} mode.
 */
class IdempotencyFilter extends OncePerRequestFilter {

  static final String HEADER = "Idempotency-Key";

  private static final Pattern REQUIRED =
      Pattern.compile("/api/v1/(events/[^/]+/holds|orders(/[^/]+/(refund|cancel))?)");
  private static final Pattern CALLS_THE_PROVIDER =
      Pattern.compile("/api/v1/orders(/[^/]+/(refund|cancel))?");

  /** 1 to 255 printable ASCII characters (a UUID is recommended). */
  private static final Pattern VALID_KEY = Pattern.compile("[\\x20-\\x7E]{1,255}");

  private final InOneTransaction inOneTransaction;
  private final ClaimThenComplete claimThenComplete;
  private final List<OwnTransactions> ownTransactions;

  IdempotencyFilter(
      InOneTransaction inOneTransaction,
      ClaimThenComplete claimThenComplete,
      List<OwnTransactions> ownTransactions) {
    this.inOneTransaction = inOneTransaction;
    this.claimThenComplete = claimThenComplete;
    this.ownTransactions = List.copyOf(ownTransactions);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !path(request).startsWith("/api/")
        || account().isEmpty();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var path = path(request);
    var keys = Collections.list(request.getHeaders(HEADER));
    if (keys.isEmpty()) {
      if (REQUIRED.matcher(path).matches()) {
        KeyProblems.missing(response);
      } else {
        chain.doFilter(request, response);
      }
      return;
    }
    var key = keys.getFirst();
    if (keys.size() > 1 || !VALID_KEY.matcher(key).matches()) {
      KeyProblems.invalid(response);
      return;
    }
    var account = account().orElseThrow();
    var body = request.getInputStream().readAllBytes();
    var call =
        IdempotentCall.of(account, key, request.getMethod(), path, request.getQueryString(), body);
    var buffered = new BufferedRequest(request, body);
    if (CALLS_THE_PROVIDER.matcher(path).matches()
        || ownTransactions.stream().anyMatch(own -> own.matches(path, body))) {
      claimThenComplete.serve(call, buffered, response, chain);
    } else {
      inOneTransaction.serve(call, buffered, response, chain);
    }
  }

  /** The path as Spring MVC matches it; Spring Security's firewall has refused ambiguous ones. */
  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  private static Optional<UUID> account() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication instanceof JwtAuthenticationToken jwt && jwt.isAuthenticated()
        ? Optional.of(UUID.fromString(jwt.getToken().getSubject()))
        : Optional.empty();
  }
}
