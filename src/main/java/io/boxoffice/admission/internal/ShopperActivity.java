package io.boxoffice.admission.internal;

import io.boxoffice.catalog.EventId;
import io.boxoffice.checkout.OrderConfirmed;
import io.boxoffice.identity.AccountId;
import io.boxoffice.inventory.HoldReleased;
import io.boxoffice.inventory.Inventory;
import io.boxoffice.shared.jdbc.AfterTransaction;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An admitted shopper who bought or let their seats go stops counting against the cap on active
 * shoppers, so the next visitor gets in sooner. Best effort after commit: if Redis misses one, the
 * shopper stops counting when their admission token expires.
 */
@Component
class ShopperActivity {

  private static final Logger log = LoggerFactory.getLogger(ShopperActivity.class);

  private final QueuePolicies policies;
  private final WaitingRoom room;
  private final Inventory inventory;
  private final ExecutorService after = Executors.newVirtualThreadPerTaskExecutor();

  ShopperActivity(QueuePolicies policies, WaitingRoom room, Inventory inventory) {
    this.policies = policies;
    this.room = room;
    this.inventory = inventory;
  }

  // Plain listeners that act after the commit themselves: a @TransactionalEventListener would be
  // tracked by Spring Modulith's publication registry, which marks it in a new transaction while
  // the committing one still holds its connection, two connections per purchase; under load every
  // connection of the pool ended up waiting for a second one.
  @EventListener
  void on(OrderConfirmed confirmed) {
    afterCommit(() -> done(confirmed.eventId(), confirmed.customerId()));
  }

  @EventListener
  void on(HoldReleased released) {
    afterCommit(
        () -> {
          if (queued(released.eventId())) {
            inventory
                .find(released.holdId())
                .ifPresent(hold -> done(released.eventId(), hold.customerId()));
          }
        });
  }

  /**
   * Runs {@code action} once the transaction has committed, on a thread of its own: the committing
   * thread still holds its connection then, and the action may need one (and Redis) itself.
   */
  private void afterCommit(Runnable action) {
    AfterTransaction.commit(() -> after.execute(action));
  }

  @PreDestroy
  void close() {
    after.close();
  }

  private boolean queued(EventId event) {
    return policies.of(event).map(QueuePolicy::enabled).orElse(false);
  }

  private void done(EventId event, AccountId customer) {
    if (!queued(event)) {
      return;
    }
    try {
      room.leave(event, customer);
    } catch (RuntimeException e) {
      log.warn("could not free the shopper slot of {} on {}: {}", customer, event, e.getMessage());
    }
  }
}
