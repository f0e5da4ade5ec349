package io.boxoffice.identity;

import io.boxoffice.shared.Conflict;

/** Registration with an e-mail address that already has an account. */
public class EmailAlreadyRegistered extends Conflict {

  public EmailAlreadyRegistered(String email) {
    super("email-taken", "E-mail already registered", email + " already has an account");
  }
}
