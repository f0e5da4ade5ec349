package io.boxoffice.admission.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.boxoffice.catalog.EventId;
import io.boxoffice.identity.AccountId;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Admission tokens: HS256-signed JWTs bound to one account and one event, valid until the admission
 * expires. Verifying one needs the key and the clock only — no Redis — so holds go on while Redis
 * is away. The key is the admission secret (by default the API token secret, with a distinct type
 * claim so neither kind of token passes for the other).
 */
@Component
class AdmissionTokens {

  private static final Logger log = LoggerFactory.getLogger(AdmissionTokens.class);
  private static final String TYPE = "admission";

  private final byte[] secret;
  private final Clock clock;

  AdmissionTokens(@Value("${boxoffice.admission.token-secret:}") String secret, Clock clock) {
    this.clock = clock;
    if (secret == null || secret.isBlank()) {
      log.warn(
          "No admission token secret (BOXOFFICE_TOKEN_SECRET): admission tokens are signed with a"
              + " random key, valid on this instance only until it stops");
      this.secret = new byte[32];
      new SecureRandom().nextBytes(this.secret);
    } else {
      this.secret = Base64.getDecoder().decode(secret);
    }
  }

  String issue(EventId event, AccountId account, UUID entryId, Instant expiresAt) {
    var claims =
        new JWTClaimsSet.Builder()
            .subject(account.value().toString())
            .claim("typ", TYPE)
            .claim("evt", event.value().toString())
            .jwtID(entryId.toString())
            .expirationTime(Date.from(expiresAt))
            .build();
    try {
      var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
      jwt.sign(new MACSigner(secret));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign an admission token", e);
    }
  }

  /** Why a token does not admit; {@link #VALID} when it does. */
  enum Verdict {
    VALID,
    MISSING,
    MALFORMED,
    FORGED,
    EXPIRED,
    OTHER_EVENT,
    OTHER_ACCOUNT
  }

  Verdict verify(String token, EventId event, AccountId account) {
    if (token == null || token.isBlank()) {
      return Verdict.MISSING;
    }
    try {
      var jwt = SignedJWT.parse(token.trim());
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())
          || !jwt.verify(new MACVerifier(secret))) {
        return Verdict.FORGED;
      }
      var claims = jwt.getJWTClaimsSet();
      if (!TYPE.equals(claims.getClaim("typ")) || claims.getExpirationTime() == null) {
        return Verdict.FORGED;
      }
      if (!claims.getExpirationTime().toInstant().isAfter(clock.instant())) {
        return Verdict.EXPIRED;
      }
      if (!event.value().toString().equals(claims.getClaim("evt"))) {
        return Verdict.OTHER_EVENT;
      }
      if (!account.value().toString().equals(claims.getSubject())) {
        return Verdict.OTHER_ACCOUNT;
      }
      return Verdict.VALID;
    } catch (ParseException | JOSEException | RuntimeException e) {
      return Verdict.MALFORMED;
    }
  }
}
