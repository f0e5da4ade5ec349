/**
 * Notification: e-mail to buyers — the order confirmation with links to their tickets, and the
 * refund or cancellation notice. Listens to checkout's events through the event publication
 * registry (the outbox), so a mail is sent after the purchase commits, never delays or fails it,
 * and is retried until it goes out. Calls {@code checkout}, {@code catalog}, {@code identity} and
 * {@code shared}.
 */
@ApplicationModule(allowedDependencies = {"checkout", "catalog", "identity", "shared"})
package io.boxoffice.notification;

import org.springframework.modulith.ApplicationModule;
