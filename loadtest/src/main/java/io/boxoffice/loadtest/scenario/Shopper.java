package io.boxoffice.loadtest.scenario;

import io.boxoffice.loadtest.drive.Call;
import io.boxoffice.loadtest.drive.Recorder;
import io.boxoffice.loadtest.http.Api;
import io.boxoffice.loadtest.http.Json;
import io.boxoffice.loadtest.http.Response;
import io.boxoffice.loadtest.setup.Customer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What a fan does, each call recorded in the history: hold, pay, release, queue, browse. Every
 * paying POST carries a fresh {@code Idempotency-Key}, which is also recorded.
 */
public final class Shopper {

  private final Api api;
  private final Recorder recorder;

  public Shopper(Api api, Recorder recorder) {
    this.api = api;
    this.recorder = recorder;
  }

  public Recorder recorder() {
    return recorder;
  }

  /** {@code body}: {@code seats}, {@code section}+{@code quantity} or {@code bestAvailable}. */
  public Call hold(
      Customer customer,
      UUID event,
      Map<String, Object> body,
      long intendedNanos,
      String admissionToken) {
    var key = UUID.randomUUID().toString();
    var request = new LinkedHashMap<String, Object>();
    request.put("event", event.toString());
    request.put("customer", customer.id().toString());
    request.putAll(body);
    request.put("key", key);
    var headers = new LinkedHashMap<String, String>();
    headers.put("Idempotency-Key", key);
    if (admissionToken != null) {
      headers.put("Admission-Token", admissionToken);
    }
    return recorder.call(
        customer.index(),
        "hold",
        request,
        intendedNanos,
        () -> api.post("/api/v1/events/" + event + "/holds", customer.token(), body, headers),
        Shopper::held);
  }

  private static Map<String, Object> held(Response response) {
    var hold = response.json();
    var seats = new ArrayList<String>();
    String section = null;
    int quantity = 0;
    for (var item : hold.get("items")) {
      quantity += item.get("quantity").asInt();
      var seat = Json.text(item, "seatId");
      if (seat == null) {
        section = Json.text(item, "sectionId");
      } else {
        seats.add(seat);
      }
    }
    var result = new LinkedHashMap<String, Object>();
    result.put("holdId", Json.text(hold, "holdId"));
    result.put("quantity", quantity);
    if (section == null) {
      result.put("seats", seats);
    } else {
      result.put("section", section);
    }
    result.put("expiresAt", Json.text(hold, "expiresAt"));
    return result;
  }

  public Call order(Customer customer, UUID hold, String card, long intendedNanos) {
    var key = UUID.randomUUID().toString();
    var body =
        Map.of("holdId", hold.toString(), "payment", Map.of("method", "card", "token", card));
    return recorder.call(
        customer.index(),
        "order",
        Map.of(
            "customer",
            customer.id().toString(),
            "holdId",
            hold.toString(),
            "card",
            card,
            "key",
            key),
        intendedNanos,
        () -> api.post("/api/v1/orders", customer.token(), body, Map.of("Idempotency-Key", key)),
        response -> {
          var order = response.json();
          return Map.of(
              "orderId", Json.text(order, "orderId"),
              "status", Json.text(order, "status"),
              "quantity", order.get("quantity").asInt(),
              "tickets", order.get("tickets").size());
        });
  }

  public Call release(Customer customer, UUID hold, long intendedNanos) {
    return recorder.call(
        customer.index(),
        "release",
        Map.of("customer", customer.id().toString(), "holdId", hold.toString()),
        intendedNanos,
        () -> api.delete("/api/v1/holds/" + hold, customer.token()),
        response -> Map.of());
  }

  public Call joinQueue(Customer customer, UUID event, long intendedNanos) {
    return recorder.call(
        customer.index(),
        "join-queue",
        Map.of("event", event.toString()),
        intendedNanos,
        () ->
            api.post(
                "/api/v1/events/" + event + "/queue",
                customer.token(),
                "",
                Map.of("Idempotency-Key", UUID.randomUUID().toString())),
        Shopper::queueEntry);
  }

  public Call queueStatus(Customer customer, UUID event, String queueId, long intendedNanos) {
    return recorder.call(
        customer.index(),
        "queue-status",
        Map.of("event", event.toString(), "queueId", queueId),
        intendedNanos,
        () -> api.get("/api/v1/events/" + event + "/queue/" + queueId, customer.token()),
        Shopper::queueEntry);
  }

  /** The entry without its admission token (a credential does not belong in the history). */
  private static Map<String, Object> queueEntry(Response response) {
    var entry = response.json();
    var result = new LinkedHashMap<String, Object>();
    result.put("queueId", Json.text(entry, "queueId"));
    result.put("status", Json.text(entry, "status"));
    result.put("position", Json.text(entry, "position"));
    return result;
  }

  /** An anonymous read, as a visitor browsing the event. */
  public Call browse(String op, String path, long intendedNanos) {
    return recorder.call(
        -1,
        op,
        Map.of("path", path),
        intendedNanos,
        () -> api.get(path, null),
        response -> Map.of("bytes", response.body().length()));
  }
}
