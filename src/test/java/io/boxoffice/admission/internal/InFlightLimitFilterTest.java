package io.boxoffice.admission.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The cap on requests in flight: one slot, a request that holds it, and those that come after. */
class InFlightLimitFilterTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final InFlightLimitFilter filter =
      new InFlightLimitFilter(
          new InFlightProperties(true, 1, Duration.ofMillis(200), Duration.ofSeconds(5)), registry);
  private final AtomicInteger served = new AtomicInteger();

  @Test
  void aRequestOverTheCapWaitsThenIsRefusedWith503AndTheSlotServesTheNextOneOnceFree()
      throws Exception {
    var inside = new CountDownLatch(1);
    var leave = new CountDownLatch(1);
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      var first =
          executor.submit(
              () -> {
                var response = new MockHttpServletResponse();
                filter.doFilter(
                    request(),
                    response,
                    (req, res) -> {
                      served.incrementAndGet();
                      inside.countDown();
                      try {
                        leave.await();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    });
                return response.getStatus();
              });
      assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(registry.get("boxoffice.requests.in.flight").gauge().value()).isEqualTo(1.0);

      long started = System.nanoTime();
      var refused = serve();
      assertThat(System.nanoTime() - started)
          .isGreaterThanOrEqualTo(Duration.ofMillis(200).toNanos());
      assertThat(refused.getStatus()).isEqualTo(503);
      assertThat(refused.getHeader("Retry-After")).isEqualTo("5");
      assertThat(refused.getContentType()).isEqualTo("application/problem+json");
      assertThat(refused.getContentAsString())
          .contains("\"type\":\"https://boxoffice.io/problems/overloaded\"")
          .contains("\"status\":503");
      assertThat(served).hasValue(1);
      assertThat(registry.get("boxoffice.requests.shed").counter().count()).isEqualTo(1.0);

      leave.countDown();
      assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(200);
    }
    assertThat(serve().getStatus()).isEqualTo(200);
    assertThat(served).hasValue(2);
    assertThat(registry.get("boxoffice.requests.in.flight").gauge().value()).isZero();
  }

  @Test
  void aSlotComesBackWhenTheRequestFails() throws Exception {
    var response = new MockHttpServletResponse();
    try {
      filter.doFilter(
          request(),
          response,
          (req, res) -> {
            throw new IllegalStateException("handler failed");
          });
    } catch (IllegalStateException expected) {
      // the failure propagates; the slot must not leak
    }
    assertThat(serve().getStatus()).isEqualTo(200);
    assertThat(served).hasValue(1);
  }

  private MockHttpServletResponse serve() throws Exception {
    var response = new MockHttpServletResponse();
    filter.doFilter(request(), response, (req, res) -> served.incrementAndGet());
    return response;
  }

  private static MockHttpServletRequest request() {
    return new MockHttpServletRequest("POST", "/api/v1/events/e/holds");
  }
}
