package io.boxoffice.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An event as an organizer describes it. {@code customerCancellationHours}: customers may cancel
 * their purchase until this many hours before the start (absent: they may not). Tier assignments
 * name tiers by {@code name}: the tiers' ids do not exist until the event is stored. Omitted
 * settings take the defaults: hold TTL 600 s, 8 tickets per customer, off-sale at the start time,
 * no waiting room.
 */
@Schema(
    example =
        "{\"venueId\": \"5f0c8a7e-1b2c-4d3e-9f8a-7b6c5d4e3f21\", \"title\": \"Hamlet\","
            + " \"performer\": \"The Royal Company\", \"startsAt\": \"2027-03-01T19:30:00Z\","
            + " \"onSaleAt\": \"2027-01-15T10:00:00Z\", \"priceTiers\": [{\"name\":"
            + " \"Premium\", \"amount\": 8900, \"currency\": \"EUR\"}],"
            + " \"tierAssignments\": [{\"tier\": \"Premium\", \"sections\":"
            + " [\"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d\"]}], \"holdTtlSeconds\": 600,"
            + " \"maxTicketsPerCustomer\": 8}")
public record NewEvent(
    @NotNull UUID venueId,
    @NotBlank @Size(max = 200) String title,
    @Size(max = 200) String performer,
    @Size(max = 5000) String description,
    @NotNull Instant startsAt,
    @NotNull Instant onSaleAt,
    Instant offSaleAt,
    @NotEmpty @Size(max = 20) List<@Valid @NotNull Tier> priceTiers,
    @NotEmpty @Size(max = 1000) List<@Valid @NotNull TierAssignment> tierAssignments,
    @Min(30) @Max(3600) Integer holdTtlSeconds,
    @Min(1) @Max(100) Integer maxTicketsPerCustomer,
    @Valid Queue queue,
    @Min(0) @Max(8760) Integer customerCancellationHours) {

  public static final int DEFAULT_HOLD_TTL_SECONDS = 600;
  public static final int DEFAULT_MAX_TICKETS = 8;

  /** A price tier; listed best first (the first is rank 0). */
  public record Tier(
      @NotBlank @Size(max = 100) String name,
      @NotNull @PositiveOrZero @Max(100_000_000) Long amount,
      @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code")
          String currency) {}

  /** Prices whole sections and/or single seats (a seat's assignment wins over its section's). */
  public record TierAssignment(
      @NotBlank String tier,
      @Size(max = 1000) List<@NotNull UUID> sections,
      @Size(max = 100_000) List<@NotNull UUID> seats) {}

  public record Queue(
      boolean enabled,
      Instant opensAt,
      @Positive @Max(1_000_000) Integer admissionRatePerMinute,
      @Positive @Max(1_000_000) Integer maxActiveShoppers,
      @Min(60) @Max(3600) Integer admissionTokenTtlSeconds) {}

  public int holdTtl() {
    return holdTtlSeconds == null ? DEFAULT_HOLD_TTL_SECONDS : holdTtlSeconds;
  }

  public int maxTickets() {
    return maxTicketsPerCustomer == null ? DEFAULT_MAX_TICKETS : maxTicketsPerCustomer;
  }

  public Instant offSale() {
    return offSaleAt == null ? startsAt : offSaleAt;
  }
}
