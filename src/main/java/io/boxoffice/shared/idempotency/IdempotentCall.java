package io.boxoffice.shared.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * One POST carrying a key: who sent it, the key, and the fingerprint that tells a true retry (same
 * method, path, query and body) from a different request reusing the key.
 */
record IdempotentCall(UUID account, String key, String method, String path, String fingerprint) {

  static IdempotentCall of(
      UUID account, String key, String method, String path, String query, byte[] body) {
    var target = query == null ? path : path + "?" + query;
    return new IdempotentCall(account, key, method, path, fingerprint(method, target, body));
  }

  /** SHA-256 over method, target (path and any query) and the body bytes exactly as sent. */
  static String fingerprint(String method, String target, byte[] body) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      digest.update((method + " " + target + "\n").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
