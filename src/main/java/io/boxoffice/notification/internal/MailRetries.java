package io.boxoffice.notification.internal;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-delivers event publications whose listener failed (a mail that could not be sent) once they
 * are older than the retry delay. Every instance does this; a publication re-delivered by two at
 * once may send a mail twice — acceptable for a notification, never for money (checkout's own steps
 * are idempotent).
 */
@Component
class MailRetries {

  private final IncompleteEventPublications incomplete;
  private final Duration olderThan;

  MailRetries(
      IncompleteEventPublications incomplete,
      @Value("${boxoffice.notification.retry-after:60s}") Duration olderThan) {
    this.incomplete = incomplete;
    this.olderThan = olderThan;
  }

  @Scheduled(fixedDelayString = "${boxoffice.notification.retry-interval:30s}")
  void retry() {
    incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
  }
}
