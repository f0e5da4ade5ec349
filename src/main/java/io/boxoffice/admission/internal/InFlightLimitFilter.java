package io.boxoffice.admission.internal;

import io.boxoffice.shared.web.ProblemResponses;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves at most {@code max-requests} API requests at once; the others wait their turn in arrival
 * order (a fair semaphore) for up to {@code max-wait}, then are answered 503 with {@code
 * Retry-After}. Bounding the work in progress keeps the database pool's own queue short: when
 * hundreds of requests queued for its 20 connections, the hold sweeper and the other background
 * jobs queued behind all of them (in a 200-fan stadium sale, expired holds came back 7 to 16 s
 * late). Asynchronous requests (the availability stream) give their permit back when the handler
 * goes asynchronous.
 */
final class InFlightLimitFilter extends OncePerRequestFilter {

  private final Semaphore permits;
  private final InFlightProperties properties;
  private final Counter shed;

  InFlightLimitFilter(InFlightProperties properties, MeterRegistry registry) {
    this.properties = properties;
    this.permits = new Semaphore(properties.maxRequests(), true);
    Gauge.builder("boxoffice.requests.waiting", permits, Semaphore::getQueueLength)
        .description("API requests waiting for one of the in-flight slots")
        .register(registry);
    Gauge.builder(
            "boxoffice.requests.in.flight",
            permits,
            p -> properties.maxRequests() - p.availablePermits())
        .description("API requests being served")
        .register(registry);
    this.shed =
        Counter.builder("boxoffice.requests.shed")
            .description("API requests answered 503 after waiting max-wait for a slot")
            .register(registry);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean admitted;
    try {
      admitted = permits.tryAcquire(properties.maxWait().toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServletException("interrupted while waiting for a request slot", e);
    }
    if (!admitted) {
      shed.increment();
      response.setHeader("Retry-After", Long.toString(properties.retryAfter().toSeconds()));
      ProblemResponses.write(
          response,
          HttpStatus.SERVICE_UNAVAILABLE,
          "overloaded",
          "Too busy",
          "The server is serving as many requests as it can; try again in a few seconds");
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      permits.release();
    }
  }
}
