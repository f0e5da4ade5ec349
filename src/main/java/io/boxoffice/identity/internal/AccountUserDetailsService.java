package io.boxoffice.identity.internal;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads accounts for the page login form. */
@Component
class AccountUserDetailsService implements UserDetailsService {

  private final AccountRepository accounts;

  AccountUserDetailsService(AccountRepository accounts) {
    this.accounts = accounts;
  }

  @Override
  public AccountPrincipal loadUserByUsername(String email) {
    return accounts
        .findByEmail(email.strip())
        .map(
            stored ->
                new AccountPrincipal(
                    stored.account().id(),
                    stored.account().email(),
                    stored.account().displayName(),
                    stored.account().role(),
                    stored.passwordHash()))
        .orElseThrow(() -> new UsernameNotFoundException("no such account"));
  }
}
