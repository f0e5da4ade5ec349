package io.boxoffice.web.internal;

import io.boxoffice.catalog.Catalog;
import io.boxoffice.catalog.EventId;
import io.boxoffice.identity.Accounts;
import io.boxoffice.identity.CurrentAccount;
import io.boxoffice.identity.EmailAlreadyRegistered;
import io.boxoffice.identity.Role;
import io.boxoffice.inventory.HoldId;
import io.boxoffice.inventory.Inventory;
import io.boxoffice.shared.NotFound;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of buying and using tickets. Each renders what it knows on the server (the hold's seats
 * and expiry, the event) and leaves the changes to the page's script, which calls the public API as
 * the signed-in account: the browser buys exactly like any other client.
 */
@Controller
class BuyingPages {

  /** The simulated processor's test cards, offered on the checkout page in demo mode. */
  private static final List<Card> TEST_CARDS =
      List.of(
          new Card("tok_ok", "Test card: approved"),
          new Card("tok_declined", "Test card: declined"),
          new Card("tok_insufficient_funds", "Test card: insufficient funds"));

  record Card(String token, String label) {}

  record HoldLine(String place, String price) {}

  private final Inventory inventory;
  private final Catalog catalog;
  private final Accounts accounts;
  private final io.boxoffice.identity.ApiTokens tokens;
  private final Formats formats;
  private final boolean testCards;

  BuyingPages(
      Inventory inventory,
      Catalog catalog,
      Accounts accounts,
      io.boxoffice.identity.ApiTokens tokens,
      Formats formats,
      @Value("${boxoffice.payments.provider:simulated}") String provider) {
    this.inventory = inventory;
    this.catalog = catalog;
    this.accounts = accounts;
    this.tokens = tokens;
    this.formats = formats;
    this.testCards = "simulated".equals(provider);
  }

  @GetMapping("/checkout/{holdId}")
  String checkout(@PathVariable UUID holdId, Authentication authentication, Model model) {
    var customer = CurrentAccount.require(authentication);
    var hold =
        inventory
            .findOwned(new HoldId(holdId), customer)
            .orElseThrow(() -> new NotFound("Hold", holdId));
    var event = catalog.event(hold.eventId()).orElseThrow();
    model.addAttribute("hold", hold);
    model.addAttribute("event", event);
    model.addAttribute("when", formats.dateTime(event.startsAt()));
    model.addAttribute(
        "lines",
        hold.items().stream()
            .map(
                item ->
                    new HoldLine(
                        (item.quantity() > 1 ? item.quantity() + " × " : "")
                            + catalog.placeLabel(
                                item.seatId() != null ? item.seatId() : item.sectionId()),
                        formats.money(item.price())))
            .toList());
    model.addAttribute("total", formats.money(hold.total()));
    model.addAttribute("cards", testCards ? TEST_CARDS : List.of());
    return "checkout";
  }

  @GetMapping("/events/{id}/queue")
  String waitingRoom(@PathVariable UUID id, Model model) {
    var event = catalog.event(new EventId(id)).orElseThrow(() -> new NotFound("Event", id));
    model.addAttribute("event", event);
    model.addAttribute("startsAt", formats.dateTime(event.startsAt()));
    model.addAttribute("onSaleAt", formats.dateTime(event.onSaleAt()));
    return "queue";
  }

  /**
   * A fresh API token for the page's scripts when theirs ran out (a long wait in the waiting room
   * outlives the 15-minute token); the session is what proves who is asking.
   */
  @GetMapping(path = "/me/api-token", produces = "application/json")
  @org.springframework.web.bind.annotation.ResponseBody
  java.util.Map<String, String> apiToken(Authentication authentication) {
    return java.util.Map.of("token", tokens.issue(CurrentAccount.require(authentication)));
  }

  @GetMapping("/me/tickets")
  String tickets() {
    return "tickets";
  }

  @GetMapping("/me/orders")
  String orders() {
    return "orders";
  }

  @GetMapping("/scanner")
  String scanner() {
    return "scanner";
  }

  @GetMapping("/register")
  String registration() {
    return "register";
  }

  /** Creates a customer account; the new customer then signs in with it. */
  @PostMapping("/register")
  String register(
      @RequestParam String email,
      @RequestParam String password,
      @RequestParam String displayName,
      Model model) {
    var problem = problem(email, password, displayName);
    if (problem != null) {
      model.addAttribute("error", problem);
      model.addAttribute("email", email);
      model.addAttribute("displayName", displayName);
      return "register";
    }
    try {
      accounts.register(email.strip(), password, displayName.strip(), Role.CUSTOMER);
    } catch (EmailAlreadyRegistered e) {
      model.addAttribute("error", "An account with this e-mail address already exists.");
      model.addAttribute("displayName", displayName);
      return "register";
    }
    return "redirect:/login?registered";
  }

  private static String problem(String email, String password, String displayName) {
    if (email == null || !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      return "Please enter a valid e-mail address.";
    }
    if (password == null || password.length() < 10 || password.length() > 128) {
      return "Please choose a password of 10 to 128 characters.";
    }
    if (displayName == null || displayName.isBlank() || displayName.length() > 100) {
      return "Please tell us your name (up to 100 characters).";
    }
    return null;
  }
}
