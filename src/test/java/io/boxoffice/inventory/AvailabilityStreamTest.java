package io.boxoffice.inventory;

import static io.boxoffice.test.TestCatalog.seatIds;
import static io.boxoffice.test.TestCatalog.seated;
import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.test.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AvailabilityStreamTest extends IntegrationTest {

  @Test
  void anOpenSeatMapHearsThatASeatWasTakenAndGivenBack() throws Exception {
    var eventId =
        catalog.onSale(accounts.organizer().token(), "Live", "Oslo", List.of(seated("A", 1, 5)));
    var seat = seatIds(jdbc, eventId).get(2);
    var lines = new LinkedBlockingQueue<String>();
    var stream = openStream(eventId, lines);

    assertThat(next(lines, "event:ready")).isNotNull();
    var customer = accounts.customer().token();
    var hold =
        api.post("/api/v1/events/" + eventId + "/holds", customer, Map.of("seats", List.of(seat)));
    assertThat(hold.status()).isEqualTo(201);

    next(lines, "event:availability");
    var taken = next(lines, "data:");
    assertThat(taken).contains("\"taken\":[\"" + seat + "\"]");

    api.send(
        api.request("/api/v1/holds/" + hold.json().get("holdId").asString(), customer).DELETE());
    next(lines, "event:availability");
    var freed = next(lines, "data:");
    assertThat(freed).contains("\"freed\":[\"" + seat + "\"]");
    stream.cancel(true);
  }

  @Test
  void aChangeCommittedOnAnotherInstanceReachesThisInstancesStreams() throws Exception {
    var eventId =
        catalog.onSale(accounts.organizer().token(), "Live", "Oslo", List.of(seated("A", 1, 5)));
    var seat = seatIds(jdbc, eventId).get(1);
    var lines = new LinkedBlockingQueue<String>();
    var stream = openStream(eventId, lines);
    assertThat(next(lines, "event:ready")).isNotNull();
    var fan = accounts.bulkCustomers(jdbc, 1).getFirst();

    try (var other = io.boxoffice.test.TestApplications.start(Map.of())) {
      other
          .getBean(Inventory.class)
          .hold(
              fan,
              new io.boxoffice.catalog.EventId(java.util.UUID.fromString(eventId)),
              new HoldRequest.Seats(List.of(seat)));
    }

    next(lines, "event:availability");
    assertThat(next(lines, "data:")).contains("\"taken\":[\"" + seat + "\"]");
    stream.cancel(true);
  }

  @Test
  void aDraftHasNoStream() {
    assertThat(
            api.get("/api/v1/events/" + java.util.UUID.randomUUID() + "/availability/stream")
                .status())
        .isEqualTo(404);
  }

  /** Opens the event's availability stream; its lines go to {@code lines}. */
  private java.util.concurrent.CompletableFuture<Void> openStream(
      String eventId, BlockingQueue<String> lines) {
    var request =
        HttpRequest.newBuilder(
                URI.create(api.url("/api/v1/events/" + eventId + "/availability/stream")))
            .header("Accept", "text/event-stream")
            .build();
    return HttpClient.newHttpClient()
        .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
        .thenAccept(response -> response.body().forEach(lines::add));
  }

  /** The next line starting with {@code prefix}, waiting up to 10 s. */
  private static String next(BlockingQueue<String> lines, String prefix)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      var line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line != null && line.startsWith(prefix)) {
        return line;
      }
    }
    throw new AssertionError("no line starting with " + prefix);
  }
}
