package io.boxoffice.identity.internal;

import io.boxoffice.identity.Account;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Issues short-lived, HMAC-signed bearer tokens: subject is the account id, {@code roles} its role.
 * They are verified without a database lookup, so any instance accepts any instance's tokens.
 */
class TokenIssuer {

  static final String ISSUER = "boxoffice";

  private final JwtEncoder encoder;
  private final Duration ttl;
  private final Clock clock;

  TokenIssuer(JwtEncoder encoder, Duration ttl, Clock clock) {
    this.encoder = encoder;
    this.ttl = ttl;
    this.clock = clock;
  }

  record IssuedToken(String accessToken, String tokenType, long expiresIn) {}

  IssuedToken issue(Account account) {
    var now = clock.instant();
    var claims =
        JwtClaimsSet.builder()
            .issuer(ISSUER)
            .subject(account.id().value().toString())
            .issuedAt(now)
            .expiresAt(now.plus(ttl))
            .claim("roles", List.of(account.role().name()))
            .claim("name", account.displayName())
            .build();
    var header = JwsHeader.with(MacAlgorithm.HS256).build();
    var token = encoder.encode(JwtEncoderParameters.from(header, claims));
    return new IssuedToken(token.getTokenValue(), "Bearer", ttl.toSeconds());
  }
}
