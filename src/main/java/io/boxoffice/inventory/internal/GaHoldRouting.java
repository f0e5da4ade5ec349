package io.boxoffice.inventory.internal;

import io.boxoffice.shared.idempotency.OwnTransactions;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * General-admission hold POSTs run outside the idempotency key's transaction when they are batched
 * ({@link GaBatches}): the batch commits the hold, and a request waiting for it must hold no
 * connection. Recognised by the body's {@code section} (the other two forms name {@code seats} or
 * {@code bestAvailable}); a body that does not parse is left to the ordinary path and its 400.
 */
@Component
class GaHoldRouting implements OwnTransactions {

  private static final Pattern HOLDS = Pattern.compile("/api/v1/events/[^/]+/holds");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final GaBatchingProperties properties;

  GaHoldRouting(GaBatchingProperties properties) {
    this.properties = properties;
  }

  @Override
  public boolean matches(String path, byte[] body) {
    if (!properties.enabled() || !HOLDS.matcher(path).matches()) {
      return false;
    }
    try {
      var json = JSON.readTree(body);
      return json.isObject()
          && json.hasNonNull("section")
          && !json.has("seats")
          && !json.has("bestAvailable");
    } catch (JacksonException e) {
      return false;
    }
  }
}
