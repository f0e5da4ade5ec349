package io.boxoffice.identity;

import io.boxoffice.identity.internal.AccountPrincipal;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who is calling: the account behind a bearer token (API) or a session login (pages). */
public final class CurrentAccount {

  private CurrentAccount() {}

  public static Optional<AccountId> of(Authentication authentication) {
    if (authentication == null || !authentication.isAuthenticated()) {
      return Optional.empty();
    }
    if (authentication instanceof JwtAuthenticationToken jwt) {
      return Optional.of(new AccountId(UUID.fromString(jwt.getToken().getSubject())));
    }
    if (authentication.getPrincipal() instanceof AccountPrincipal principal) {
      return Optional.of(principal.accountId());
    }
    return Optional.empty();
  }

  public static AccountId require(Authentication authentication) {
    return of(authentication)
        .orElseThrow(
            () ->
                new org.springframework.security.authentication
                    .AuthenticationCredentialsNotFoundException("no account"));
  }
}
