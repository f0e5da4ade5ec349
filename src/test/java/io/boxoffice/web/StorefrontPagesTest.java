package io.boxoffice.web;

import static io.boxoffice.test.TestCatalog.seatIds;
import static io.boxoffice.test.TestCatalog.seated;
import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.test.IntegrationTest;
import io.boxoffice.test.TestAccounts;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

class StorefrontPagesTest extends IntegrationTest {

  @Autowired StringRedisTemplate redis;

  private final HttpClient browser =
      HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

  private HttpResponse<String> page(String path) throws Exception {
    return browser.send(
        HttpRequest.newBuilder(URI.create(api.url(path))).header("Accept", "text/html").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int count(String html, String regex) {
    var matcher = Pattern.compile(regex).matcher(html);
    int n = 0;
    while (matcher.find()) {
      n++;
    }
    return n;
  }

  @Test
  void theHomePageListsEventsOnSaleWithALinkToEach() throws Exception {
    var id =
        catalog.onSale(
            accounts.organizer().token(), "Summer Jam", "Lisbon", List.of(seated("A", 4, 10)));

    var home = page("/");

    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(count(home.body(), "<article class=\"event-card\"")).isEqualTo(1);
    assertThat(home.body())
        .contains("href=\"/events/" + id + "\"")
        .contains("Summer Jam")
        .contains("On sale");
  }

  @Test
  void theEventPageDrawsEverySeatAndGreysOutHeldOnes() throws Exception {
    var id =
        catalog.onSale(
            accounts.organizer().token(), "Recital", "Lisbon", List.of(seated("Stalls", 3, 8)));
    var seats = seatIds(jdbc, id);
    api.post(
        "/api/v1/events/" + id + "/holds",
        accounts.customer().token(),
        Map.of("seats", List.of(seats.get(5))));

    var html = page("/events/" + id).body();

    assertThat(html).contains("<svg id=\"seatmap\"");
    assertThat(count(html, "<circle class=\"seat ")).isEqualTo(24);
    assertThat(count(html, "<circle class=\"seat [^\"]*unavailable")).isEqualTo(1);
    assertThat(html)
        .containsPattern(
            "class=\"seat [^\"]*unavailable[^\"]*\"[^>]*data-seat-id=\"" + seats.get(5));
  }

  @Test
  void anUnknownEventShowsAFriendlyNotFoundPage() throws Exception {
    var missing = page("/events/" + UUID.randomUUID());
    var malformed = page("/events/not-an-id");

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(missing.body())
        .contains("Page not found")
        .doesNotContain("Whitelabel")
        .doesNotContain("Exception");
    assertThat(malformed.statusCode()).isEqualTo(404);
  }

  @Test
  void signingInKeepsTheSessionInRedisAndRequiresTheCsrfToken() throws Exception {
    var account = accounts.customer();
    var form = page("/login").body();
    var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
    assertThat(csrf.find()).isTrue();

    var withoutToken =
        post("/login", Map.of("username", account.email(), "password", TestAccounts.PASSWORD));
    assertThat(withoutToken.statusCode()).isEqualTo(403);

    var signedIn =
        post(
            "/login",
            Map.of(
                "username",
                account.email(),
                "password",
                TestAccounts.PASSWORD,
                "_csrf",
                csrf.group(1)));
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

    assertThat(page("/").body()).contains("Signed in as");
    var sessions =
        redis.keys("boxoffice-test-" + ProcessHandle.current().pid() + ":session:sessions:*");
    assertThat(sessions).isNotEmpty();
  }

  @Test
  void aWrongPasswordReturnsToTheFormWithAMessage() throws Exception {
    var form = page("/login").body();
    var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
    assertThat(csrf.find()).isTrue();

    var failed =
        post(
            "/login",
            Map.of("username", "nobody@example.com", "password", "wrong", "_csrf", csrf.group(1)));

    assertThat(failed.statusCode()).isEqualTo(302);
    assertThat(failed.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    assertThat(page("/login?error").body()).contains("Wrong e-mail or password");
  }

  private HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
    var body = new StringBuilder();
    fields.forEach(
        (k, v) ->
            body.append(body.isEmpty() ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return browser.send(
        HttpRequest.newBuilder(URI.create(api.url(path)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
