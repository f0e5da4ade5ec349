package io.boxoffice.admission.internal;

import io.boxoffice.catalog.EventId;
import io.boxoffice.identity.CurrentAccount;
import io.boxoffice.shared.Conflict;
import io.boxoffice.shared.NotFound;
import io.boxoffice.shared.web.ProblemHandler;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The waiting room per API.md: join, watch your place, collect the admission token. */
@RestController
@RequestMapping("/api/v1/events/{eventId}/queue")
@Tag(name = "Waiting room")
class QueueController {

  private static final int RETRY_AFTER_SECONDS = 5;

  private final QueuePolicies policies;
  private final WaitingRoom room;
  private final AdmissionTokens tokens;
  private final DrawLedger draws;
  private final Clock clock;

  QueueController(
      QueuePolicies policies,
      WaitingRoom room,
      AdmissionTokens tokens,
      DrawLedger draws,
      Clock clock) {
    this.policies = policies;
    this.room = room;
    this.tokens = tokens;
    this.draws = draws;
    this.clock = clock;
  }

  enum Status {
    WAITING,
    ADMITTED,
    EXPIRED
  }

  /**
   * @param position 1 = next in; null while the pre-queue awaits the draw at {@code drawAt}
   * @param estimatedWaitSeconds from the admission rate measured over the last minute; null when
   *     there is no basis yet (nobody admitted recently, or the draw has not run)
   */
  record QueueEntry(
      UUID queueId,
      Status status,
      Long position,
      Long estimatedWaitSeconds,
      Instant drawAt,
      String admissionToken,
      Instant admissionExpiresAt) {}

  @PostMapping
  @Operation(summary = "Join the waiting room (joining again returns the same entry)")
  ResponseEntity<QueueEntry> join(@PathVariable UUID eventId, Authentication authentication) {
    var account = CurrentAccount.require(authentication);
    var event = new EventId(eventId);
    var now = clock.instant();
    var policy = policies.of(event).orElseThrow(() -> new NotFound("Event", eventId));
    if (!policy.enabled()) {
      throw new Conflict(
          "no-waiting-room", "No waiting room", "This event sells without a waiting room");
    }
    if (!policy.openAt(now)) {
      throw new Conflict(
          "waiting-room-closed",
          "Waiting room closed",
          policy.opensAt() != null && now.isBefore(policy.opensAt())
              ? "The waiting room opens at " + policy.opensAt()
              : "The waiting room is not open");
    }
    var joined = room.join(event, account, policy.beforeStart(now), now);
    var entry = view(policy, room.entry(event, joined.entryId()).orElseThrow(), now);
    return joined.created()
        ? ResponseEntity.created(
                URI.create("/api/v1/events/" + eventId + "/queue/" + joined.entryId()))
            .body(entry)
        : ResponseEntity.ok(entry);
  }

  @GetMapping("/{queueId}")
  @Operation(summary = "Your place in the waiting room; the admission token once admitted")
  QueueEntry entry(
      @PathVariable UUID eventId, @PathVariable UUID queueId, Authentication authentication) {
    var account = CurrentAccount.require(authentication);
    var event = new EventId(eventId);
    var policy = policies.of(event).orElseThrow(() -> new NotFound("Event", eventId));
    var entry =
        room.entry(event, queueId)
            .filter(e -> e.owner().equals(account))
            .orElseThrow(() -> new NotFound("Queue entry", queueId));
    return view(policy, entry, clock.instant());
  }

  record PublishedDraw(UUID eventId, String seed, Instant drawnAt, int entries, List<UUID> order) {}

  @GetMapping("/draw")
  @Operation(
      summary = "The start-time draw of the pre-queue, for audit",
      description =
          "Each early arrival's place is the rank of HMAC-SHA256(seed, queueId) among all of"
              + " them, so anyone can recompute the order from the seed.")
  PublishedDraw draw(@PathVariable UUID eventId) {
    var draw =
        draws.find(new EventId(eventId)).orElseThrow(() -> new NotFound("Draw of event", eventId));
    return new PublishedDraw(
        eventId, draw.seed(), draw.drawnAt(), draw.order().size(), draw.order());
  }

  private QueueEntry view(QueuePolicy policy, WaitingRoom.Entry entry, Instant now) {
    if (entry.admissionExpiresAt() != null) {
      if (!entry.admissionExpiresAt().isAfter(now)) {
        return new QueueEntry(
            entry.id(), Status.EXPIRED, null, null, null, null, entry.admissionExpiresAt());
      }
      var token =
          tokens.issue(policy.event(), entry.owner(), entry.id(), entry.admissionExpiresAt());
      return new QueueEntry(
          entry.id(), Status.ADMITTED, null, 0L, null, token, entry.admissionExpiresAt());
    }
    if (entry.awaitingDraw()) {
      return new QueueEntry(entry.id(), Status.WAITING, null, null, policy.onSaleAt(), null, null);
    }
    var position = entry.position();
    Long wait =
        position == null
            ? null
            : room.measuredRatePerSecond(policy.event(), now)
                .map(perSecond -> (long) Math.ceil(position / perSecond))
                .orElse(null);
    return new QueueEntry(entry.id(), Status.WAITING, position, wait, null, null, null);
  }

  /** Without Redis there is no waiting room: come back shortly (holds with a token still work). */
  @ExceptionHandler({
    RedisConnectionFailureException.class,
    RedisSystemException.class,
    QueryTimeoutException.class
  })
  ResponseEntity<ProblemDetail> redisUnavailable() {
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "The waiting room is briefly unavailable; try again in a few seconds");
    problem.setType(URI.create(ProblemHandler.TYPE_BASE + "waiting-room-unavailable"));
    problem.setTitle("Waiting room unavailable");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS))
        .body(problem);
  }
}
