package io.boxoffice.identity;

import io.boxoffice.identity.internal.AccountRepository;
import java.time.Clock;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The identity module's API: register accounts and look them up. */
@Service
public class Accounts {

  private final AccountRepository repository;
  private final PasswordEncoder passwords;
  private final Clock clock;

  Accounts(AccountRepository repository, PasswordEncoder passwords, Clock clock) {
    this.repository = repository;
    this.passwords = passwords;
    this.clock = clock;
  }

  /** Creates an account; the password is stored only as an Argon2id hash. */
  @Transactional
  public Account register(String email, String password, String displayName, Role role) {
    var normalized = email.strip();
    var account =
        new Account(AccountId.random(), normalized, displayName.strip(), role, clock.instant());
    try {
      repository.insert(account, passwords.encode(password));
    } catch (DuplicateKeyException e) { // the unique index on lower(email) decides races
      throw new EmailAlreadyRegistered(normalized);
    }
    return account;
  }

  public Optional<Account> find(AccountId id) {
    return repository.findById(id);
  }

  public Optional<Account> findByEmail(String email) {
    return repository.findByEmail(email.strip()).map(AccountRepository.StoredAccount::account);
  }
}
