package io.boxoffice.ticketing.internal;

import io.boxoffice.shared.jdbc.AfterTransaction;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per-event Ed25519 signing keys. Private keys are stored only encrypted with AES-GCM under the
 * master key {@code BOXOFFICE_TICKET_MASTER_KEY} (base64, 32 bytes), which never enters the
 * database. Without a configured master key a random one is used for this run: keys made earlier
 * can then no longer sign, so the event gets a new key (a new kid) while old tickets still verify
 * with their published public keys.
 */
@Component
class TicketKeys {

  /** A public key as scanners fetch it. */
  record PublishedKey(String kid, String algorithm, String publicKey) {}

  private static final Logger log = LoggerFactory.getLogger(TicketKeys.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final SecretKey master;
  private final Map<String, PublicKey> publicKeys = new ConcurrentHashMap<>();
  private final Map<UUID, Signer> signers = new ConcurrentHashMap<>();

  record Signer(String kid, Barcodes.SigningKey key) {}

  TicketKeys(JdbcClient jdbc, @Value("${boxoffice.tickets.master-key:}") String masterKey) {
    this.jdbc = jdbc;
    byte[] bytes;
    if (masterKey == null || masterKey.isBlank()) {
      bytes = new byte[32];
      RANDOM.nextBytes(bytes);
      log.warn(
          "BOXOFFICE_TICKET_MASTER_KEY is not set: ticket signing keys made in this run cannot be"
              + " used after a restart (tickets stay valid; events get new keys)");
    } else {
      bytes = Base64.getDecoder().decode(masterKey);
    }
    this.master = new SecretKeySpec(bytes, "AES");
  }

  /**
   * The event's current signing key, made (and stored encrypted) in the caller's transaction if it
   * has none: events get theirs when they are published ({@link TicketBook}), so at a sale this
   * only reads. Cached once committed: a key whose transaction rolled back is never used again, and
   * nothing here waits for a second connection while the caller holds one (a key made in a
   * transaction of its own inside the cache's lock stalled the pool at an event's first sale).
   */
  Signer signerFor(UUID event) {
    var cached = signers.get(event);
    if (cached != null) {
      return cached;
    }
    var signer = load(event).orElseGet(() -> create(event));
    AfterTransaction.commit(() -> signers.putIfAbsent(event, signer));
    return signer;
  }

  private Optional<Signer> load(UUID event) {
    for (var row :
        jdbc.sql(
                "select kid, private_key_encrypted from ticket_signing_key where event_id = :event"
                    + " order by created_at desc")
            .param("event", event)
            .query((rs, n) -> Map.entry(rs.getString("kid"), rs.getBytes("private_key_encrypted")))
            .list()) {
      try {
        var pkcs8 = decrypt(row.getValue());
        var key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        return Optional.of(new Signer(row.getKey(), Barcodes.SigningKey.of(key)));
      } catch (GeneralSecurityException e) {
        // made under another master key: unusable for signing, still valid for verifying
      }
    }
    return Optional.empty();
  }

  private Signer create(UUID event) {
    try {
      var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      var kid = "k" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      var sealed = encrypt(pair.getPrivate().getEncoded());
      jdbc.sql(
              "insert into ticket_signing_key (kid, event_id, public_key, private_key_encrypted)"
                  + " values (:kid, :event, :public, :private)")
          .param("kid", kid)
          .param("event", event)
          .param("public", pair.getPublic().getEncoded())
          .param("private", sealed)
          .update();
      return new Signer(kid, Barcodes.SigningKey.of(pair.getPrivate()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make a ticket key", e);
    }
  }

  Optional<PublicKey> publicKey(String kid) {
    var cached = publicKeys.get(kid);
    if (cached != null) {
      return Optional.of(cached);
    }
    var key =
        jdbc.sql("select public_key from ticket_signing_key where kid = :kid")
            .param("kid", kid)
            .query(byte[].class)
            .optional()
            .map(TicketKeys::decodePublic);
    key.ifPresent(k -> publicKeys.put(kid, k));
    return key;
  }

  List<PublishedKey> published(UUID event) {
    return jdbc.sql(
            "select kid, public_key from ticket_signing_key where event_id = :event"
                + " order by created_at")
        .param("event", event)
        .query(
            (rs, n) ->
                new PublishedKey(
                    rs.getString("kid"),
                    "Ed25519",
                    Base64.getEncoder().encodeToString(rs.getBytes("public_key"))))
        .list();
  }

  private static PublicKey decodePublic(byte[] x509) {
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] encrypt(byte[] plain) throws GeneralSecurityException {
    var iv = new byte[12];
    RANDOM.nextBytes(iv);
    var cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, master, new GCMParameterSpec(128, iv));
    var sealed = cipher.doFinal(plain);
    var out = new byte[iv.length + sealed.length];
    System.arraycopy(iv, 0, out, 0, iv.length);
    System.arraycopy(sealed, 0, out, iv.length, sealed.length);
    return out;
  }

  private byte[] decrypt(byte[] stored) throws GeneralSecurityException {
    var cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.DECRYPT_MODE, master, new GCMParameterSpec(128, stored, 0, 12));
    return cipher.doFinal(stored, 12, stored.length - 12);
  }
}
