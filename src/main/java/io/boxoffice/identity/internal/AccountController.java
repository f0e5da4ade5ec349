package io.boxoffice.identity.internal;

import io.boxoffice.identity.Account;
import io.boxoffice.identity.Accounts;
import io.boxoffice.identity.CurrentAccount;
import io.boxoffice.identity.Role;
import io.boxoffice.shared.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Accounts", description = "Registration, bearer tokens and the current account")
class AccountController {

  record Registration(
      @Schema(example = "ada@example.com") @NotBlank @Email @Size(max = 254) String email,
      @Schema(example = "correct horse battery") @NotBlank @Size(min = 10, max = 128)
          String password,
      @Schema(example = "Ada Lovelace") @NotBlank @Size(max = 100) String displayName) {}

  record Credentials(
      @Schema(example = "customer@demo.boxoffice.io") @NotBlank String email,
      @Schema(example = "boxoffice-demo") @NotBlank String password) {}

  record AccountView(UUID id, String email, String displayName, Role role, Instant createdAt) {
    static AccountView of(Account account) {
      return new AccountView(
          account.id().value(),
          account.email(),
          account.displayName(),
          account.role(),
          account.createdAt());
    }
  }

  /** A hash of a random password, compared against when the e-mail is unknown (equal timing). */
  private final String decoyHash;

  private final Accounts accounts;
  private final AccountRepository repository;
  private final PasswordEncoder passwords;
  private final TokenIssuer tokens;

  AccountController(
      Accounts accounts,
      AccountRepository repository,
      PasswordEncoder passwords,
      TokenIssuer tokens) {
    this.accounts = accounts;
    this.repository = repository;
    this.passwords = passwords;
    this.tokens = tokens;
    this.decoyHash = passwords.encode(UUID.randomUUID().toString());
  }

  @PostMapping("/accounts")
  @Operation(summary = "Register a customer account")
  ResponseEntity<AccountView> register(@Valid @RequestBody Registration registration) {
    var account =
        accounts.register(
            registration.email(),
            registration.password(),
            registration.displayName(),
            Role.CUSTOMER);
    return ResponseEntity.created(URI.create("/api/v1/me")).body(AccountView.of(account));
  }

  @PostMapping("/auth/token")
  @Operation(summary = "Exchange e-mail and password for a short-lived bearer token")
  TokenIssuer.IssuedToken token(@Valid @RequestBody Credentials credentials) {
    var stored = repository.findByEmail(credentials.email().strip());
    var hash = stored.map(AccountRepository.StoredAccount::passwordHash).orElse(decoyHash);
    boolean matches = passwords.matches(credentials.password(), hash);
    if (stored.isEmpty() || !matches) {
      throw new BadCredentialsException("bad credentials");
    }
    return tokens.issue(stored.get().account());
  }

  @GetMapping("/me")
  @Operation(summary = "The account behind the bearer token")
  AccountView me(Authentication authentication) {
    var id = CurrentAccount.require(authentication);
    return accounts.find(id).map(AccountView::of).orElseThrow(() -> new NotFound("Account", id));
  }
}
