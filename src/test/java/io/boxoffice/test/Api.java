package io.boxoffice.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the running test server: real requests over loopback, so filters,
 * security, content negotiation and error handling are all exercised as a client sees them.
 */
public final class Api {

  public static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient client =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final String base;

  public Api(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** A response with its body read; {@link #json()} parses it. */
  public record Response(int status, HttpHeaders headers, String body) {

    public JsonNode json() {
      return JSON.readTree(body);
    }

    public Optional<String> header(String name) {
      return headers.firstValue(name);
    }

    public String contentType() {
      return header("Content-Type").orElse("");
    }
  }

  public Response get(String path) {
    return send(request(path, null).GET());
  }

  public Response get(String path, String token) {
    return send(request(path, token).GET());
  }

  /**
   * A POST as a well-behaved client sends it: with a fresh {@code Idempotency-Key} (required on
   * holds, orders, refunds and cancels). Tests of the key itself build requests with {@link
   * #request} and {@link #send}.
   */
  public Response post(String path, String token, Object body) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
            .POST(json(body)));
  }

  public Response postRaw(String path, String token, String body) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Response patch(String path, String token, Object body) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .method("PATCH", json(body)));
  }

  public Response send(HttpRequest.Builder request) {
    try {
      var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** For binary answers (images, PDFs). */
  public HttpResponse<byte[]> bytes(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpRequest.Builder request(String path, String token) {
    var builder = HttpRequest.newBuilder(URI.create(base + path));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private static HttpRequest.BodyPublisher json(Object body) {
    return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
  }

  public String url(String path) {
    return base + path;
  }
}
