package io.boxoffice.identity.internal;

import io.boxoffice.identity.AccountId;
import io.boxoffice.identity.Accounts;
import io.boxoffice.identity.ApiTokens;
import org.springframework.stereotype.Component;

@Component
class PageApiTokens implements ApiTokens {

  private final TokenIssuer issuer;
  private final Accounts accounts;

  PageApiTokens(TokenIssuer issuer, Accounts accounts) {
    this.issuer = issuer;
    this.accounts = accounts;
  }

  @Override
  public String issue(AccountId account) {
    return issuer.issue(accounts.find(account).orElseThrow()).accessToken();
  }
}
