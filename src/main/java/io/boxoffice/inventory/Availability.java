package io.boxoffice.inventory;

import java.util.List;
import java.util.UUID;

/**
 * What can still be bought right now.
 *
 * @param version changes whenever any seat or counter of the event changes
 * @param unavailableSeats seats that are held or sold
 * @param areas general-admission sections with the places left
 */
public record Availability(
    UUID eventId,
    long version,
    int seatsTotal,
    int seatsAvailable,
    List<UUID> unavailableSeats,
    List<Area> areas) {

  public record Area(UUID sectionId, int capacity, int remaining) {}
}
