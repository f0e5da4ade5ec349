package io.boxoffice.identity.internal;

import io.boxoffice.identity.AccountId;
import io.boxoffice.identity.Role;
import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in account of a page session. Serializable because the session lives in Redis and any
 * instance may read it; the password hash is erased after login so it never reaches Redis.
 */
public final class AccountPrincipal implements UserDetails, CredentialsContainer {

  @Serial private static final long serialVersionUID = 1L;

  private final AccountId accountId;
  private final String email;
  private final String displayName;
  private final Role role;
  private String passwordHash;

  AccountPrincipal(
      AccountId accountId, String email, String displayName, Role role, String passwordHash) {
    this.accountId = accountId;
    this.email = email;
    this.displayName = displayName;
    this.role = role;
    this.passwordHash = passwordHash;
  }

  public AccountId accountId() {
    return accountId;
  }

  public String displayName() {
    return displayName;
  }

  public Role role() {
    return role;
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return List.of(new SimpleGrantedAuthority(role.authority()));
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return email;
  }

  @Override
  public void eraseCredentials() {
    passwordHash = null;
  }
}
