package io.boxoffice.catalog;

import java.util.List;

/** One page of search results and how many there are in all. */
public record EventPage(List<EventSummary> items, int page, int size, long totalItems) {

  public int totalPages() {
    return (int) ((totalItems + size - 1) / size);
  }
}
