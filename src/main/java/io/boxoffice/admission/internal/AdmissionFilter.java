package io.boxoffice.admission.internal;

import io.boxoffice.catalog.EventId;
import io.boxoffice.identity.CurrentAccount;
import io.boxoffice.shared.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * When an event has a waiting room, a hold request must carry the caller's admission token for that
 * event in the {@code Admission-Token} header; anything else is refused with 403 before the request
 * reaches the inventory (or the idempotency record). Checked with the signing key only.
 */
class AdmissionFilter extends OncePerRequestFilter {

  static final String HEADER = "Admission-Token";
  private static final Pattern HOLDS = Pattern.compile("^/api/v1/events/([^/]+)/holds/?$");

  private final QueuePolicies policies;
  private final AdmissionTokens tokens;
  private final AdmissionMetrics metrics;

  AdmissionFilter(QueuePolicies policies, AdmissionTokens tokens, AdmissionMetrics metrics) {
    this.policies = policies;
    this.tokens = tokens;
    this.metrics = metrics;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !HOLDS.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var event = eventOf(request);
    var account = CurrentAccount.of(SecurityContextHolder.getContext().getAuthentication());
    if (event.isEmpty()
        || account.isEmpty()
        || !policies.of(event.get()).map(QueuePolicy::enabled).orElse(false)) {
      chain.doFilter(request, response); // no queue, or the request fails elsewhere (404, 401)
      return;
    }
    var verdict = tokens.verify(request.getHeader(HEADER), event.get(), account.get());
    if (verdict == AdmissionTokens.Verdict.VALID) {
      chain.doFilter(request, response);
      return;
    }
    metrics.rejected(verdict);
    ProblemResponses.write(
        response,
        HttpStatus.FORBIDDEN,
        "admission-required",
        "Admission required",
        switch (verdict) {
          case MISSING ->
              "This event sells through a waiting room: join it and send the admission token in"
                  + " the Admission-Token header";
          case EXPIRED -> "Your admission has expired; join the waiting room again";
          case OTHER_EVENT -> "The admission token is for another event";
          case OTHER_ACCOUNT -> "The admission token belongs to another account";
          default -> "The admission token is not valid";
        });
  }

  private static Optional<EventId> eventOf(HttpServletRequest request) {
    var matcher = HOLDS.matcher(request.getRequestURI());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new EventId(UUID.fromString(matcher.group(1))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
