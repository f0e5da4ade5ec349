package io.boxoffice.admission.internal;

import io.boxoffice.admission.QueueFigures;
import io.boxoffice.catalog.EventId;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;

@Component
class WaitingRoomFigures implements QueueFigures {

  private final QueuePolicies policies;
  private final WaitingRoom room;
  private final Clock clock;

  WaitingRoomFigures(QueuePolicies policies, WaitingRoom room, Clock clock) {
    this.policies = policies;
    this.room = room;
    this.clock = clock;
  }

  @Override
  public Optional<Figures> of(EventId event) {
    if (!policies.of(event).map(QueuePolicy::enabled).orElse(false)) {
      return Optional.empty();
    }
    var now = clock.instant();
    return Optional.of(
        new Figures(
            room.lineLength(event),
            room.activeShoppers(event, now),
            room.measuredRatePerSecond(event, now).orElse(0.0) * 60));
  }
}
