package io.boxoffice.loadtest.setup;

import java.util.List;
import java.util.UUID;

/** A published event as the harness uses it: its id and sections with their seat ids. */
public record EventFixture(UUID id, List<Section> sections) {

  public record Section(
      UUID id, String name, boolean generalAdmission, int capacity, List<UUID> seats) {}

  /** Every seat of the event, section by section, front row first. */
  public List<UUID> seats() {
    return sections.stream().flatMap(s -> s.seats().stream()).toList();
  }

  /** Seats plus general-admission places. */
  public int capacity() {
    return sections.stream().mapToInt(Section::capacity).sum();
  }

  public Section generalAdmission() {
    return sections.stream()
        .filter(Section::generalAdmission)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("event " + id + " has no GA section"));
  }
}
