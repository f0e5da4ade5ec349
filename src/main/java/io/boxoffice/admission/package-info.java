/**
 * Admission: the fair virtual waiting room in front of an event's on-sale (Redis sorted sets, a
 * pre-queue shuffled by an auditable draw at the start, FIFO after it), the admitter that lets
 * visitors in at the configured rate under a cap on active shoppers (one instance at a time, by a
 * Redis lease), signed admission tokens checked on every hold without Redis, and per-account and
 * per-address rate limits (Bucket4j on Redis). Reads {@code catalog}'s queue settings, hears {@code
 * checkout}'s and {@code inventory}'s events to stop counting a shopper who bought or let go.
 */
@ApplicationModule(allowedDependencies = {"catalog", "identity", "inventory", "checkout", "shared"})
package io.boxoffice.admission;

import org.springframework.modulith.ApplicationModule;
