package io.boxoffice.shared.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes keys past their retention (at least 24 h, so a client's retries within a day are always
 * answered from the store). Safe on N instances: each run is plain {@code DELETE}s of bounded
 * batches that skip rows another instance is deleting; running twice only finds less to do.
 */
@Component
class ExpiredKeys {

  static final int BATCH = 1_000;

  private static final Logger log = LoggerFactory.getLogger(ExpiredKeys.class);

  private final IdempotencyKeys keys;

  ExpiredKeys(IdempotencyKeys keys) {
    this.keys = keys;
  }

  /** Returns how many keys were deleted. */
  @Scheduled(
      fixedDelayString = "${boxoffice.idempotency.purge-interval:10m}",
      initialDelayString = "${boxoffice.idempotency.purge-interval:10m}")
  int purge() {
    int total = 0;
    int deleted;
    do {
      deleted = keys.deleteExpired(BATCH);
      total += deleted;
    } while (deleted == BATCH);
    if (total > 0) {
      log.info("purged {} expired idempotency keys", total);
    }
    return total;
  }
}
