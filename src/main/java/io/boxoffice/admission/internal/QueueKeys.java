package io.boxoffice.admission.internal;

import io.boxoffice.catalog.EventId;
import java.util.List;

/**
 * The Redis keys of one event's waiting room. They share the hash tag {@code {q:<eventId>}}, so in
 * a Redis Cluster they live in one slot and every script can touch them all atomically.
 */
record QueueKeys(EventId event) {

  private String key(String name) {
    return "boxoffice:{q:" + event.value() + "}:" + name;
  }

  /** account id → entry id: one entry per account. */
  String accounts() {
    return key("accounts");
  }

  /** entry id → "accountId|joinedAtMillis". */
  String entries() {
    return key("entries");
  }

  /** Arrivals before the on-sale start, waiting for the draw (score: arrival time). */
  String preQueue() {
    return key("pre");
  }

  /** The line: drawn positions 0..n-1, then later arrivals at FIFO_BASE + sequence. */
  String line() {
    return key("line");
  }

  String sequence() {
    return key("seq");
  }

  /** "status" (closing, done) and "seed" of the start-time draw. */
  String draw() {
    return key("draw");
  }

  /** entry id → admission expiry (millis): admitted visitors. */
  String admitted() {
    return key("admitted");
  }

  /** Admitted visitors still counting as active shoppers, scored by their token's expiry. */
  String active() {
    return key("active");
  }

  /** Admission times of the last minutes (the measured rate behind wait estimates). */
  String admissions() {
    return key("admissions");
  }

  /** The admitter's token-bucket state: "allowance" and "at" (millis). */
  String pace() {
    return key("pace");
  }

  List<String> all() {
    return List.of(
        accounts(),
        entries(),
        preQueue(),
        line(),
        sequence(),
        draw(),
        admitted(),
        active(),
        admissions(),
        pace());
  }
}
