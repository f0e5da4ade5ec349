package io.boxoffice.inventory.internal;

import io.boxoffice.catalog.EventId;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.PatternTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes availability changes to open seat maps. Changes arrive over Redis pub/sub from whichever
 * instance committed them ({@link InventoryChanges}), so a browser connected to any instance sees
 * every change. Each instance keeps only its own open streams.
 */
@Component
class AvailabilityStream implements MessageListener, SmartLifecycle {

  static final Duration TIMEOUT = Duration.ofMinutes(30);

  private static final Logger log = LoggerFactory.getLogger(AvailabilityStream.class);

  private final Map<UUID, Set<SseEmitter>> streams = new ConcurrentHashMap<>();
  private volatile boolean running;

  @Configuration(proxyBeanMethods = false)
  static class Subscription {
    @Bean
    RedisMessageListenerContainer availabilityListener(
        RedisConnectionFactory redis, AvailabilityStream stream) {
      var container = new RedisMessageListenerContainer();
      container.setConnectionFactory(redis);
      // The default executor starts a platform thread per message: one per committed change.
      var dispatch = new SimpleAsyncTaskExecutor("availability-");
      dispatch.setVirtualThreads(true);
      container.setTaskExecutor(dispatch);
      container.addMessageListener(stream, new PatternTopic(InventoryChanges.CHANNEL_PREFIX + "*"));
      return container;
    }
  }

  SseEmitter open(EventId event, long version) {
    var emitter = new SseEmitter(TIMEOUT.toMillis());
    var set = streams.computeIfAbsent(event.value(), k -> new CopyOnWriteArraySet<>());
    set.add(emitter);
    Runnable remove = () -> set.remove(emitter);
    emitter.onCompletion(remove);
    emitter.onTimeout(remove);
    emitter.onError(e -> remove.run());
    send(emitter, SseEmitter.event().name("ready").data(Map.of("version", version)));
    return emitter;
  }

  int openStreams(EventId event) {
    return streams.getOrDefault(event.value(), Set.of()).size();
  }

  @Override
  public void onMessage(Message message, byte[] pattern) {
    InventoryChanges.Change change;
    try {
      change =
          InventoryChanges.parse(
              new String(message.getBody(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      log.warn("unreadable availability message: {}", e.toString());
      return;
    }
    for (var emitter : streams.getOrDefault(change.eventId(), Set.of())) {
      send(emitter, SseEmitter.event().name("availability").data(change));
    }
  }

  @Override
  public void start() {
    running = true;
  }

  /**
   * Ends every open stream when the instance shuts down (before the web server's graceful shutdown,
   * which would otherwise wait for these long-lived requests); browsers reconnect to another
   * instance.
   */
  @Override
  public void stop() {
    running = false;
    streams.values().forEach(set -> set.forEach(SseEmitter::complete));
    streams.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Keeps idle connections open through proxies, and finds the ones that went away. */
  @Scheduled(fixedDelay = 20_000)
  void heartbeat() {
    streams
        .values()
        .forEach(set -> set.forEach(e -> send(e, SseEmitter.event().comment("keep-alive"))));
  }

  private static void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
    try {
      emitter.send(event);
    } catch (IOException | IllegalStateException e) {
      emitter.completeWithError(e);
    }
  }
}
