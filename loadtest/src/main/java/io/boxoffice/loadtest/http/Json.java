package io.boxoffice.loadtest.http;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One JSON mapper for requests, responses, history and reports. */
public final class Json {

  public static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  public static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  public static JsonNode parse(String text) {
    return MAPPER.readTree(text);
  }

  /** The text of {@code field}, or null when it is missing or null. */
  public static String text(JsonNode node, String field) {
    var value = node.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }
}
