package io.boxoffice.admission.internal;

import io.boxoffice.catalog.EventId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The waiting room as Prometheus sees it: queue length and active shoppers per event (refreshed by
 * the admitting instance), visitors admitted (a counter: admitted per minute is its rate), the time
 * they waited, and refused admission tokens by reason.
 */
@Component
class AdmissionMetrics {

  private final MeterRegistry registry;
  private final MultiGauge queueLength;
  private final MultiGauge activeShoppers;
  private final Timer waited;
  private final Map<String, long[]> levels = new ConcurrentHashMap<>();

  AdmissionMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.queueLength =
        MultiGauge.builder("boxoffice.admission.queue.length")
            .description("Visitors waiting in an event's waiting room")
            .register(registry);
    this.activeShoppers =
        MultiGauge.builder("boxoffice.admission.active.shoppers")
            .description("Admitted visitors still counting against the cap")
            .register(registry);
    this.waited =
        Timer.builder("boxoffice.admission.wait")
            .description("Time from joining the waiting room to admission")
            .publishPercentileHistogram()
            .maximumExpectedValue(Duration.ofHours(6))
            .register(registry);
  }

  void levels(EventId event, long waiting, long active) {
    levels.put(event.value().toString(), new long[] {waiting, active});
    queueLength.register(rows(0), true);
    activeShoppers.register(rows(1), true);
  }

  private List<MultiGauge.Row<?>> rows(int index) {
    return levels.entrySet().stream()
        .<MultiGauge.Row<?>>map(
            e -> MultiGauge.Row.of(Tags.of("event", e.getKey()), e.getValue()[index]))
        .toList();
  }

  /** Only these events are admitting now: the gauges of the others (their sale ended) go away. */
  void retain(java.util.Set<EventId> admitting) {
    var keep =
        admitting.stream()
            .map(e -> e.value().toString())
            .collect(java.util.stream.Collectors.toSet());
    if (levels.keySet().retainAll(keep)) {
      queueLength.register(rows(0), true);
      activeShoppers.register(rows(1), true);
    }
  }

  void admitted(EventId event, List<WaitingRoom.Admitted> admitted, Instant now) {
    if (admitted.isEmpty()) {
      return;
    }
    counter("boxoffice.admission.admitted", "event", event.value().toString())
        .increment(admitted.size());
    admitted.forEach(a -> waited.record(Duration.between(a.joinedAt(), now)));
  }

  void rejected(AdmissionTokens.Verdict verdict) {
    counter("boxoffice.admission.token.rejections", "reason", verdict.name().toLowerCase())
        .increment();
  }

  private Counter counter(String name, String tag, String value) {
    return Counter.builder(name).tag(tag, value).register(registry);
  }
}
