package io.boxoffice.shared;

import static io.boxoffice.test.TestCatalog.seated;
import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.test.Api;
import io.boxoffice.test.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every client mistake gets a clear problem+json answer, never a 500, and changes nothing. */
class ProblemDetailsTest extends IntegrationTest {

  private static void assertProblem(Api.Response response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType()).isEqualTo("application/problem+json");
    var body = response.json();
    assertThat(body.get("type").asString()).startsWith("https://boxoffice.io/problems/");
    assertThat(body.get("title").asString()).isNotBlank();
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("detail").asString()).isNotBlank();
    assertThat(response.body()).doesNotContainIgnoringCase("exception").doesNotContain("select ");
  }

  @Test
  void unknownIdsAreNotFound() {
    var token = accounts.organizer().token();
    assertProblem(api.get("/api/v1/events/" + UUID.randomUUID()), 404);
    assertProblem(api.get("/api/v1/events/" + UUID.randomUUID() + "/seatmap"), 404);
    assertProblem(api.get("/api/v1/events/" + UUID.randomUUID() + "/availability"), 404);
    assertProblem(api.get("/api/v1/venues/" + UUID.randomUUID(), token), 404);
    assertProblem(
        api.post("/api/v1/events/" + UUID.randomUUID() + "/publish", token, Map.of()), 404);
    assertProblem(api.get("/api/v1/no-such-thing", token), 404);
  }

  @Test
  void malformedIdsAndParametersAreBadRequests() {
    assertProblem(api.get("/api/v1/events/not-a-uuid"), 400);
    assertProblem(api.get("/api/v1/events?page=abc"), 400);
  }

  @Test
  void malformedBodiesNameTheField() {
    var token = accounts.organizer().token();
    assertProblem(api.postRaw("/api/v1/venues", token, "{not json"), 400);
    assertProblem(api.postRaw("/api/v1/venues", token, ""), 400);

    var unknownField =
        api.postRaw(
            "/api/v1/venues",
            token,
            "{\"name\":\"V\",\"city\":\"C\",\"sections\":[],\"colour\":\"red\"}");
    assertProblem(unknownField, 400);
    assertThat(unknownField.json().get("errors").get(0).get("field").asString())
        .isEqualTo("colour");

    var nestedUnknown =
        api.postRaw(
            "/api/v1/venues",
            token,
            "{\"name\":\"V\",\"city\":\"C\",\"sections\":[{\"name\":\"A\",\"kind\":\"SEATED\",\"oops\":1}]}");
    assertThat(nestedUnknown.json().get("errors").get(0).get("field").asString())
        .isEqualTo("sections[0].oops");

    var wrongType =
        api.postRaw(
            "/api/v1/venues",
            token,
            "{\"name\":\"V\",\"city\":\"C\",\"sections\":[{\"name\":\"A\",\"kind\":\"BALCONY\"}]}");
    assertProblem(wrongType, 400);
    assertThat(wrongType.json().get("errors").get(0).get("field").asString())
        .isEqualTo("sections[0].kind");
    assertThat(jdbc.queryForObject("select count(*) from venue", Integer.class)).isZero();
  }

  @Test
  void wrongRoleIsForbiddenAndNoTokenUnauthorized() {
    var organizer = accounts.organizer();
    var id = catalog.onSale(organizer.token(), "Show", "Rome", List.of(seated("A", 1, 1)));
    var customer = accounts.customer().token();

    assertProblem(api.post("/api/v1/events", customer, Map.of()), 403);
    assertProblem(api.post("/api/v1/events/" + id + "/cancel", customer, Map.of()), 403);
    assertProblem(api.patch("/api/v1/events/" + id, customer, Map.of("title", "Mine")), 403);
    assertProblem(
        api.post("/api/v1/events/" + id + "/cancel", accounts.scanner().token(), Map.of()), 403);
    assertProblem(api.post("/api/v1/events/" + id + "/cancel", null, Map.of()), 401);
    assertThat(api.get("/api/v1/events/" + id).json().get("title").asString()).isEqualTo("Show");
  }

  @Test
  void anotherOrganizersEventCannotBeEdited() {
    var id =
        catalog.onSale(accounts.organizer().token(), "Show", "Rome", List.of(seated("A", 1, 1)));

    assertProblem(
        api.patch("/api/v1/events/" + id, accounts.organizer().token(), Map.of("title", "x")), 404);
  }

  @Test
  void wrongMethodAndMediaTypeAreAnsweredAsProblems() {
    var token = accounts.organizer().token();
    assertProblem(
        api.send(
            api.request("/api/v1/venues", token)
                .header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("hello"))),
        415);
    assertProblem(
        api.send(
            api.request("/api/v1/events", token)
                .method("DELETE", java.net.http.HttpRequest.BodyPublishers.noBody())),
        405);
  }
}
