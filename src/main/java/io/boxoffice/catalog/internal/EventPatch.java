package io.boxoffice.catalog.internal;

import io.boxoffice.catalog.NewEvent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A partial edit: fields left out (or null) keep their value. The merged event is validated as a
 * whole, exactly like a new one.
 */
record EventPatch(
    UUID venueId,
    String title,
    String performer,
    String description,
    Instant startsAt,
    Instant onSaleAt,
    Instant offSaleAt,
    @Size(max = 20) List<NewEvent.@Valid @NotNull Tier> priceTiers,
    @Size(max = 1000) List<NewEvent.@Valid @NotNull TierAssignment> tierAssignments,
    Integer holdTtlSeconds,
    Integer maxTicketsPerCustomer,
    NewEvent.Queue queue,
    Integer customerCancellationHours) {

  boolean changesPricingOrVenue() {
    return venueId != null || priceTiers != null || tierAssignments != null;
  }

  NewEvent applyTo(NewEvent current) {
    return new NewEvent(
        venueId != null ? venueId : current.venueId(),
        title != null ? title : current.title(),
        performer != null ? performer : current.performer(),
        description != null ? description : current.description(),
        startsAt != null ? startsAt : current.startsAt(),
        onSaleAt != null ? onSaleAt : current.onSaleAt(),
        offSaleAt != null ? offSaleAt : current.offSaleAt(),
        priceTiers != null ? priceTiers : current.priceTiers(),
        tierAssignments != null ? tierAssignments : current.tierAssignments(),
        holdTtlSeconds != null ? holdTtlSeconds : current.holdTtlSeconds(),
        maxTicketsPerCustomer != null ? maxTicketsPerCustomer : current.maxTicketsPerCustomer(),
        queue != null ? queue : current.queue(),
        customerCancellationHours != null
            ? customerCancellationHours
            : current.customerCancellationHours());
  }
}
