package io.boxoffice.identity;

/**
 * Bearer tokens for the pages' own calls to the API: a signed-in page gets one for its account, so
 * the browser buys through exactly the same API (holds, admission, idempotency) as any client.
 */
public interface ApiTokens {

  /** A fresh bearer token for the account (valid for the configured token lifetime). */
  String issue(AccountId account);
}
