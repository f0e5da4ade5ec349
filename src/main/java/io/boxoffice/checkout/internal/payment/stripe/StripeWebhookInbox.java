package io.boxoffice.checkout.internal.payment.stripe;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The verified webhooks received, one row per Stripe event id. Stripe delivers at least once (and
 * retries for days), so the primary key decides: the first delivery inserts the row and announces
 * the notice, a later one inserts nothing and announces nothing. Row and announcement share one
 * transaction, so with the outbox (Modulith's publication registry) a listener cannot miss a notice
 * whose row was committed — otherwise a crash between the two would turn Stripe's redelivery into a
 * duplicate and the notice would be lost. Safe on N instances: the insert arbitrates.
 */
@Repository
@ConditionalOnProperty(name = "boxoffice.payments.provider", havingValue = "stripe")
class StripeWebhookInbox {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  StripeWebhookInbox(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /** Returns whether this was the first delivery of the event. */
  @Transactional
  boolean accept(StripePaymentNotice notice, String payload) {
    int inserted =
        jdbc.sql(
                """
                insert into payment_webhook_event (event_id, type, payload)
                values (:id, :type, cast(:payload as jsonb))
                on conflict (event_id) do nothing
                """)
            .param("id", notice.eventId())
            .param("type", notice.type())
            .param("payload", payload)
            .update();
    if (inserted == 0) {
      return false;
    }
    events.publishEvent(notice);
    return true;
  }
}
