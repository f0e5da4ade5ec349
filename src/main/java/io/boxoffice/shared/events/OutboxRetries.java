package io.boxoffice.shared.events;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-delivers event publications whose listener failed — a mail that could not be sent, an event
 * the broker did not confirm — once they are older than the retry delay. One instance at a time
 * does it (a ShedLock lock in the database), so a publication is not re-delivered by two instances
 * at once; every listener behind the registry must still tolerate a second delivery, because a
 * listener may fail after its side effect happened.
 */
@Component
class OutboxRetries {

  private final IncompleteEventPublications incomplete;
  private final Duration olderThan;

  OutboxRetries(
      IncompleteEventPublications incomplete,
      @Value("${boxoffice.outbox.retry-after:60s}") Duration olderThan) {
    this.incomplete = incomplete;
    this.olderThan = olderThan;
  }

  @Scheduled(fixedDelayString = "${boxoffice.outbox.retry-interval:30s}")
  @SchedulerLock(name = "outbox-retries", lockAtMostFor = "PT5M")
  void retry() {
    incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
  }
}
