package io.boxoffice.inventory.internal;

import io.boxoffice.catalog.EventId;
import io.boxoffice.inventory.HoldId;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Collects what a transaction changed in the inventory and, only once it has committed, tells
 * Redis: an availability message per event on {@code boxoffice:availability:{event:<id>}} (every
 * instance relays it to its open seat maps), and the hold mirror keys with their TTL. Redis is
 * never told about a change that was rolled back, and a Redis failure never fails a hold.
 */
@Component
class InventoryChanges {

  static final String CHANNEL_PREFIX = "boxoffice:availability:";

  private static final Logger log = LoggerFactory.getLogger(InventoryChanges.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One event's changes: seats that became unavailable or available, areas that moved. */
  record Change(UUID eventId, Set<UUID> taken, Set<UUID> freed, Map<UUID, Integer> areas) {}

  private final StringRedisTemplate redis;
  private final InventoryRepository inventory;

  InventoryChanges(StringRedisTemplate redis, InventoryRepository inventory) {
    this.redis = redis;
    this.inventory = inventory;
  }

  static String channel(EventId event) {
    return CHANNEL_PREFIX + "{event:" + event.value() + "}";
  }

  static String mirrorKey(EventId event, HoldId hold) {
    return "boxoffice:hold:{event:" + event.value() + "}:" + hold.value();
  }

  void seatsTaken(EventId event, Collection<UUID> seats) {
    pending().change(event).taken().addAll(seats);
  }

  void seatsFreed(EventId event, Collection<UUID> seats) {
    pending().change(event).freed().addAll(seats);
  }

  void placesChanged(EventId event, UUID section) {
    pending().change(event).areas().put(section, -1);
  }

  void mirror(EventId event, HoldId hold, Duration ttl) {
    pending().mirrors.put(mirrorKey(event, hold), ttl);
  }

  void unmirror(EventId event, HoldId hold) {
    pending().mirrors.put(mirrorKey(event, hold), Duration.ZERO);
  }

  private Pending pending() {
    for (var sync : TransactionSynchronizationManager.getSynchronizations()) {
      if (sync instanceof Pending pending) {
        return pending;
      }
    }
    var pending = new Pending();
    TransactionSynchronizationManager.registerSynchronization(pending);
    return pending;
  }

  /** The changes of one transaction, sent after it commits. */
  private final class Pending implements TransactionSynchronization {
    private final Map<UUID, Change> changes = new LinkedHashMap<>();
    private final Map<String, Duration> mirrors = new LinkedHashMap<>();

    Change change(EventId event) {
      return changes.computeIfAbsent(
          event.value(),
          id ->
              new Change(id, new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashMap<>()));
    }

    @Override
    public void afterCommit() {
      for (var change : changes.values()) {
        publish(change);
      }
      mirrors.forEach(InventoryChanges.this::writeMirror);
    }
  }

  private void publish(Change change) {
    try {
      var event = new EventId(change.eventId());
      change.areas().replaceAll((section, ignored) -> inventory.remaining(event, section));
      redis.convertAndSend(channel(event), JSON.writeValueAsString(change));
    } catch (RuntimeException e) {
      log.warn("availability change of event {} not published: {}", change.eventId(), e.toString());
    }
  }

  private void writeMirror(String key, Duration ttl) {
    try {
      if (ttl.isZero() || ttl.isNegative()) {
        redis.delete(key);
      } else {
        redis.opsForValue().set(key, "1", ttl);
      }
    } catch (RuntimeException e) {
      log.warn("hold mirror {} not written: {}", key, e.toString());
    }
  }

  /** Parses a message published by {@link #publish}. */
  static Change parse(String json) {
    return JSON.readValue(json, Change.class);
  }
}
