package io.boxoffice.ticketing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** No mutation of a valid barcode verifies: bit flips, truncation, swapped fields, another key. */
class BarcodeProperties {

  private static final KeyPair EVENT_A = pair();
  private static final KeyPair EVENT_B = pair();
  private static final Map<String, PublicKey> PUBLISHED =
      Map.of("kA", EVENT_A.getPublic(), "kB", EVENT_B.getPublic());

  private static KeyPair pair() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Optional<Barcodes.Claims> verify(String barcode) {
    return Barcodes.verify(barcode, kid -> Optional.ofNullable(PUBLISHED.get(kid)));
  }

  /** Valid barcodes signed once: signing per try would only measure the signer. */
  private static final String[] VALID =
      java.util.stream.IntStream.range(0, 64)
          .mapToObj(i -> valid(new UUID(i, i * 31L)))
          .toArray(String[]::new);

  private static String valid(UUID ticket) {
    return Barcodes.sign(
        new Barcodes.Claims(
            "kA",
            ticket,
            UUID.nameUUIDFromBytes(new byte[] {1}),
            true,
            UUID.nameUUIDFromBytes(new byte[] {2}),
            "Ada Lovelace"),
        Barcodes.SigningKey.of(EVENT_A.getPrivate()));
  }

  enum Mutation {
    FLIP_BIT,
    TRUNCATE,
    SWAP_FIELDS,
    OTHER_EVENTS_KEY,
    CHANGE_HOLDER,
    CHANGE_KID
  }

  @Provide
  Arbitrary<Tuple.Tuple3<Mutation, Integer, Integer>> mutations() {
    return Arbitraries.of(Mutation.class)
        .flatMap(
            m ->
                Arbitraries.integers()
                    .between(0, 10_000)
                    .tuple2()
                    .map(t -> Tuple.of(m, t.get1(), t.get2())));
  }

  @net.jqwik.api.Example
  void theUnmutatedBarcodesAreValid() {
    for (var barcode : VALID) {
      assertThat(verify(barcode)).isPresent();
    }
  }

  @Property(tries = 100_000, seed = "20261128")
  void noMutationOfAValidBarcodeIsAccepted(
      @ForAll("mutations") Tuple.Tuple3<Mutation, Integer, Integer> mutation) {
    var barcode = VALID[mutation.get2() % VALID.length];

    var forged = mutate(barcode, mutation.get1(), mutation.get2(), mutation.get3());

    assertThat(forged).isNotEqualTo(barcode);
    assertThat(verify(forged)).as(forged).isEmpty();
  }

  private static String mutate(String barcode, Mutation mutation, int a, int b) {
    var payload = payload(barcode);
    var signature = barcode.substring(barcode.lastIndexOf('.') + 1);
    return switch (mutation) {
      case FLIP_BIT -> {
        var bytes = barcode.getBytes(StandardCharsets.US_ASCII);
        int index = a % bytes.length;
        bytes[index] ^= (byte) (1 << (b % 7)); // stays ASCII
        var flipped = new String(bytes, StandardCharsets.US_ASCII);
        yield flipped.equals(barcode) ? barcode + "A" : flipped;
      }
      case TRUNCATE -> barcode.substring(0, a % (barcode.length() - 1));
      case SWAP_FIELDS -> {
        var fields = payload.split("\\|");
        var swapped = fields[2];
        fields[2] = fields[1];
        fields[1] = swapped;
        yield encode(String.join("|", fields), signature);
      }
      case OTHER_EVENTS_KEY ->
          Barcodes.sign(
              claims(payload, "kA"),
              Barcodes.SigningKey.of(EVENT_B.getPrivate())); // claims kA, signed by B's key
      case CHANGE_HOLDER -> encode(payload.replace("Ada Lovelace", "Ada Lovelace " + a), signature);
      case CHANGE_KID -> encode(payload.replaceFirst("^kA", "kB"), signature);
    };
  }

  private static Barcodes.Claims claims(String payload, String kid) {
    var f = payload.split("\\|");
    return new Barcodes.Claims(
        kid,
        UUID.fromString(f[1]),
        UUID.fromString(f[2]),
        true,
        UUID.fromString(f[3].substring(2)),
        f[4]);
  }

  private static String payload(String barcode) {
    var body = barcode.substring(Barcodes.PREFIX.length(), barcode.lastIndexOf('.'));
    return new String(Base64.getUrlDecoder().decode(body), StandardCharsets.UTF_8);
  }

  private static String encode(String payload, String signature) {
    return Barcodes.PREFIX
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
        + "."
        + signature;
  }
}
