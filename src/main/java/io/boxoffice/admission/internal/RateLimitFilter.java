package io.boxoffice.admission.internal;

import io.boxoffice.identity.CurrentAccount;
import io.boxoffice.shared.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the rate-limit rules of one kind of key. Registered twice: keyed by client address before
 * Spring Security (so that logins and registrations are counted before they are processed), and
 * keyed by account after it. Over a limit: 429 with {@code Retry-After}.
 */
class RateLimitFilter extends OncePerRequestFilter {

  enum Key {
    ADDRESS,
    ACCOUNT
  }

  private static final AntPathMatcher PATHS = new AntPathMatcher();

  private final RateLimitProperties properties;
  private final RateLimiter limiter;
  private final Key key;

  RateLimitFilter(RateLimitProperties properties, RateLimiter limiter, Key key) {
    this.properties = properties;
    this.limiter = limiter;
    this.key = key;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !properties.enabled();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var subject = subject(request);
    if (subject.isPresent()) {
      for (var entry : properties.rules().entrySet()) {
        var rule = entry.getValue();
        var limit = key == Key.ADDRESS ? rule.perAddress() : rule.perAccount();
        if (limit == null || !matches(rule, request)) {
          continue;
        }
        var wait = limiter.take(entry.getKey(), subject.get(), limit, rule.period());
        if (wait.isPresent()) {
          refuse(request, response, wait.getAsLong());
          return;
        }
      }
    }
    chain.doFilter(request, response);
  }

  private Optional<String> subject(HttpServletRequest request) {
    return key == Key.ADDRESS
        ? Optional.of("address:" + request.getRemoteAddr())
        : CurrentAccount.of(SecurityContextHolder.getContext().getAuthentication())
            .map(account -> "account:" + account.value());
  }

  private static boolean matches(RateLimitProperties.Rule rule, HttpServletRequest request) {
    return (rule.method() == null || rule.method().equalsIgnoreCase(request.getMethod()))
        && PATHS.match(rule.path(), request.getRequestURI());
  }

  private static void refuse(
      HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds)
      throws IOException {
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    if (!request.getRequestURI().startsWith("/api/")) {
      response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
      return;
    }
    ProblemResponses.write(
        response,
        HttpStatus.TOO_MANY_REQUESTS,
        "rate-limited",
        "Too many requests",
        "Too many requests; try again in " + retryAfterSeconds + " s");
  }
}
