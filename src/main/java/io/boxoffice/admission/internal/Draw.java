package io.boxoffice.admission.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The start-time draw of the pre-queue, auditable: the seed is 256 random bits from {@link
 * SecureRandom}, and each entry's place is the rank of HMAC-SHA256(seed, entry id). Nobody can
 * predict the order before the seed exists, and anyone given the published seed can recompute it —
 * a visitor can check their own place.
 */
record Draw(String seed, List<UUID> order) {

  static String newSeed() {
    var bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  static Draw of(String seed, List<UUID> entries) {
    var mac = mac(seed);
    record Keyed(UUID id, byte[] key) {}
    var order =
        entries.stream()
            .map(
                id -> new Keyed(id, mac.doFinal(id.toString().getBytes(StandardCharsets.US_ASCII))))
            .sorted(Comparator.comparing(Keyed::key, Arrays::compareUnsigned))
            .map(Keyed::id)
            .toList();
    return new Draw(seed, order);
  }

  private static Mac mac(String seed) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(HexFormat.of().parseHex(seed), "HmacSHA256"));
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
