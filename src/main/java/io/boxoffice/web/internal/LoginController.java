package io.boxoffice.web.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Shows the sign-in form. Spring Security handles the form's POST, the failure redirect to {@code
 * /login?error} and the sign-out redirect; the template reads those parameters itself.
 */
@Controller
class LoginController {

  @GetMapping("/login")
  String login() {
    return "login";
  }
}
