/**
 * Sales: the organizer's live view of an event — stock by state from {@code inventory}, orders,
 * revenue and payment success from {@code checkout}, the waiting room from {@code admission} —
 * served as {@code GET /api/v1/events/{eventId}/sales}. Reads only, through those modules' APIs.
 */
@ApplicationModule(
    allowedDependencies = {"catalog", "inventory", "checkout", "admission", "identity", "shared"})
package io.boxoffice.sales;

import org.springframework.modulith.ApplicationModule;
