package io.boxoffice.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A venue as an organizer describes it, with its layout. */
@Schema(
    example =
        "{\"name\": \"Grand Theatre\", \"city\": \"Vienna\", \"sections\": ["
            + "{\"name\": \"Stalls\", \"kind\": \"SEATED\", \"generator\":"
            + " {\"rows\": 20, \"seatsPerRow\": 30, \"shape\": \"CURVED\"}},"
            + " {\"name\": \"Standing\", \"kind\": \"GENERAL_ADMISSION\","
            + " \"capacity\": 500}]}")
public record NewVenue(
    @NotBlank @Size(max = 200) String name,
    @NotBlank @Size(max = 100) String city,
    @Size(max = 300) String address,
    @NotEmpty @Size(max = 200) List<@Valid @NotNull Section> sections) {

  /** A seated section gives {@code seats} or a {@code generator}; a GA one a {@code capacity}. */
  public record Section(
      @NotBlank @Size(max = 100) String name,
      @NotNull SectionKind kind,
      @Positive @Max(200_000) Integer capacity,
      @Size(max = 20_000) List<@Valid @NotNull Seat> seats,
      @Valid SeatGenerator generator,
      Double labelX,
      Double labelY) {

    public static Section generated(String name, SeatGenerator generator) {
      return new Section(name, SectionKind.SEATED, null, null, generator, null, null);
    }

    public static Section generalAdmission(String name, int capacity) {
      return new Section(name, SectionKind.GENERAL_ADMISSION, capacity, null, null, null, null);
    }
  }

  /** One seat given explicitly; rows are ordered by first appearance, seats within a row too. */
  public record Seat(
      @NotBlank @Size(max = 10) String row,
      @NotBlank @Size(max = 10) String number,
      @NotNull Double x,
      @NotNull Double y,
      boolean accessible,
      boolean companion,
      boolean restrictedView) {}
}
