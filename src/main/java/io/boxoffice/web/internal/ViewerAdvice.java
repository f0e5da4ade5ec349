package io.boxoffice.web.internal;

import io.boxoffice.identity.Account;
import io.boxoffice.identity.Accounts;
import io.boxoffice.identity.ApiTokens;
import io.boxoffice.identity.CurrentAccount;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page of this module the signed-in person's display name for the header. The session
 * knows only the account id, and the identity module's principal is not part of its API, so the
 * name is looked up by id (one primary-key read per page). Pages rendered elsewhere, such as the
 * error page, fall back to the e-mail address the session carries.
 */
@ControllerAdvice(basePackageClasses = ViewerAdvice.class)
class ViewerAdvice {

  private final Accounts accounts;
  private final ApiTokens tokens;

  ViewerAdvice(Accounts accounts, ApiTokens tokens) {
    this.accounts = accounts;
    this.tokens = tokens;
  }

  /**
   * A bearer token for the page's scripts, which call the API as the signed-in account (holds,
   * orders, the waiting room); none for visitors who are not signed in.
   */
  @ModelAttribute("apiToken")
  String apiToken(Authentication authentication) {
    return CurrentAccount.of(authentication).map(tokens::issue).orElse(null);
  }

  @ModelAttribute("viewerName")
  String viewerName(Authentication authentication) {
    return CurrentAccount.of(authentication)
        .flatMap(accounts::find)
        .map(Account::displayName)
        .orElse(null);
  }
}
