package io.boxoffice.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.boxoffice.test.TestCatalog.seated;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.boxoffice.test.BrowserTest;
import io.boxoffice.test.Browsers;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Buying in a real browser (Debian's Chromium): find, pick, hold, pay, see the tickets, scan. */
class StorefrontBrowserTest extends BrowserTest {

  private String eventOnSale(String title) {
    return catalog.onSale(
        accounts.organizer().token(), title, "Oslo", List.of(seated("Stalls", 1, 6)));
  }

  private static String seat(String id) {
    return "[data-seat-id=\"" + id + "\"]";
  }

  private Page holdSeats(Page page, String eventId, int... seats) {
    page.navigate("/events/" + eventId);
    var ids = catalog.seatIds(jdbc, eventId);
    for (int s : seats) {
      page.locator(seat(ids.get(s).toString())).click();
    }
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Hold these seats"))
        .click();
    page.waitForURL(Pattern.compile(".*/checkout/.*"));
    return page;
  }

  @Test
  void aCustomerFindsAnEventPicksTwoSeatsPaysAndSeesTheTicketsWhileAnotherSeesThemGo() {
    var eventId = eventOnSale("Carmen");
    var ids = catalog.seatIds(jdbc, eventId);
    var fan = Browsers.signIn(browsers.context(port), accounts.customer().email());
    var other = Browsers.signIn(browsers.context(port), accounts.customer().email());
    other.navigate("/events/" + eventId);
    assertThat(other.locator(seat(ids.get(1).toString())))
        .not()
        .hasClass(Pattern.compile(".*unavailable.*"));

    fan.navigate("/");
    Browsers.screenshot(fan, "home");
    fan.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Carmen")).first().click();
    fan.locator(seat(ids.get(1).toString())).click();
    fan.locator(seat(ids.get(2).toString())).click();
    assertThat(fan.locator("#selection li")).hasCount(2);
    assertThat(fan.locator("#selection-total")).hasText("€100.00"); // two seats at €50.00
    Browsers.assertEveryControlIsLabelled(fan);
    Browsers.screenshot(fan, "seat-map");
    fan.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Hold these seats")).click();
    fan.waitForURL(Pattern.compile(".*/checkout/.*"));

    // the other visitor sees both seats go, without reloading
    assertThat(other.locator(seat(ids.get(1).toString())))
        .hasClass(Pattern.compile(".*unavailable.*"));
    assertThat(other.locator(seat(ids.get(2).toString())))
        .hasClass(Pattern.compile(".*unavailable.*"));

    assertThat(fan.locator("#hold-lines li")).hasCount(2);
    assertThat(fan.locator("#countdown")).hasText(Pattern.compile("(10:00|9:5\\d)"));
    Browsers.assertEveryControlIsLabelled(fan);
    Browsers.screenshot(fan, "checkout");
    fan.getByLabel("Payment card").selectOption("tok_ok");
    fan.locator("#pay").click();

    assertThat(fan.locator("#tickets li")).hasCount(2);
    assertThat(fan.locator("#tickets li").first()).containsText("Stalls, row A, seat");
    var qr = fan.locator("#tickets img").first();
    assertThat(qr).isVisible();
    assertThat((Boolean) qr.evaluate("img => img.complete && img.naturalWidth > 0")).isTrue();
    Browsers.screenshot(fan, "tickets");

    fan.navigate("/me/tickets");
    assertThat(fan.locator("#tickets li")).hasCount(2);
    Browsers.assertEveryControlIsLabelled(fan);
  }

  @Test
  void theSeatListWorksWithTheKeyboardAlone() {
    var eventId = eventOnSale("Otello");
    var ids = catalog.seatIds(jdbc, eventId);
    var fan = Browsers.signIn(browsers.context(port), accounts.customer().email());
    fan.navigate("/events/" + eventId);
    fan.locator("details.seat-list summary").focus();
    fan.keyboard().press("Enter");
    fan.locator("#pick-" + ids.get(4)).focus();
    fan.keyboard().press("Space");
    assertThat(fan.locator("#selection li")).hasCount(1);
    assertThat(fan.locator("#selection li")).containsText("Stalls, row A, seat 5");
    assertThat(fan.locator(seat(ids.get(4).toString()))).hasClass(Pattern.compile(".*selected.*"));
    fan.locator("#hold-seats").focus();
    fan.keyboard().press("Enter");
    fan.waitForURL(Pattern.compile(".*/checkout/.*"));
    assertThat(fan.locator("#hold-lines")).containsText("Stalls, row A, seat 5");
  }

  @Test
  void aLargeVenueListsItsSeatsOneSectionAtATime() {
    var eventId =
        catalog.onSale(
            accounts.organizer().token(),
            "Arena",
            "Oslo",
            List.of(seated("North", 50, 41), seated("South", 2, 10)));
    var ids = catalog.seatIds(jdbc, eventId); // North's 2,050 seats, then South's 20
    var fan = Browsers.signIn(browsers.context(port), accounts.customer().email());
    fan.navigate("/events/" + eventId);
    fan.locator("details.seat-list summary").focus();
    fan.keyboard().press("Enter");
    fan.getByLabel("Section")
        .selectOption(
            new com.microsoft.playwright.options.SelectOption().setLabel("South (20 seats)"));
    assertThat(fan.locator("#section-seats input[type=checkbox]")).hasCount(20);
    Browsers.assertEveryControlIsLabelled(fan);
    fan.locator("#pick-" + ids.get(2050)).focus();
    fan.keyboard().press("Space");
    assertThat(fan.locator("#selection li")).containsText("South, row A, seat 1");
  }

  @Test
  void theMapZoomsAndPansAndBestAvailableHoldsAdjacentSeats() {
    var eventId = eventOnSale("Rigoletto");
    var fan = Browsers.signIn(browsers.context(port), accounts.customer().email());
    fan.navigate("/events/" + eventId);
    // zoomed in, the map is wider than its frame, and dragging pans it without picking a seat
    fan.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Zoom in")).click();
    var frame = fan.locator(".seatmap-frame");
    assertThat((Boolean) frame.evaluate("f => f.scrollWidth > f.clientWidth")).isTrue();
    var box = frame.boundingBox();
    fan.mouse()
        .move(box.x + box.width / 2, box.y + 40); // the zoomed frame is taller than the window
    fan.mouse().down();
    fan.mouse()
        .move(
            box.x + box.width / 2 - 200,
            box.y + 40,
            new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
    fan.mouse().up();
    assertThat(((Number) frame.evaluate("f => f.scrollLeft")).intValue()).isGreaterThan(0);
    assertThat(fan.locator("#selection li")).hasCount(0);
    fan.getByLabel("Or the best available seats:").selectOption("3");
    fan.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find seats")).click();
    fan.waitForURL(Pattern.compile(".*/checkout/.*"));
    assertThat(fan.locator("#hold-lines li")).hasCount(3);
    assertThat(fan.locator("#hold-total")).hasText("€150.00");
  }

  @Test
  void theHomePageSearchesByTextCityAndDate() {
    eventOnSale("Carmen in Oslo");
    var page = browsers.context(port).newPage();
    page.navigate("/");
    Browsers.assertEveryControlIsLabelled(page);
    page.getByLabel("Search").fill("Carmen");
    page.getByLabel("City").fill("Oslo");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
    assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Carmen in Oslo")))
        .isVisible();
    // the event is ten days away: a window that ends tomorrow does not contain it
    page.getByLabel("To", new Page.GetByLabelOptions().setExact(true))
        .fill(java.time.LocalDate.now().plusDays(1).toString());
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
    assertThat(page.getByText("No events match your search.")).isVisible();
  }

  @Test
  void aCustomerCancelsAnOrderFromMyOrdersWhereTheEventAllowsIt() {
    var organizer = accounts.organizer().token();
    var venue = catalog.venue(organizer, "Flexible hall", "Oslo", List.of(seated("Stalls", 1, 4)));
    var body = catalog.eventBody(venue, "Flexible", catalog.inDays(10), 5000);
    body.put("customerCancellationHours", 24);
    var eventId = catalog.createEvent(organizer, body);
    catalog.publish(organizer, eventId);
    var buyer = accounts.customer();
    var orderId = catalog.buy(jdbc, buyer.token(), eventId, 0, "tok_ok");
    catalog.awaitOrder(buyer.token(), orderId, "COMPLETED");

    var page = Browsers.signIn(browsers.context(port), buyer.email());
    page.navigate("/me/orders");
    assertThat(page.locator("#orders tbody tr")).hasCount(1);
    assertThat(page.locator("#orders tbody tr")).containsText("COMPLETED");
    page.onDialog(dialog -> dialog.accept());
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel order of €50.00"))
        .click();
    assertThat(page.getByText("Your order is cancelled")).isVisible();
    assertThat(page.locator("#orders tbody tr")).containsText(Pattern.compile("REFUND"));
    catalog.awaitOrder(buyer.token(), orderId, "REFUNDED");
  }

  @Test
  void aDeclinedCardShowsTheErrorAndKeepsTheHold() {
    var eventId = eventOnSale("Tosca");
    var fan =
        holdSeats(Browsers.signIn(browsers.context(port), accounts.customer().email()), eventId, 0);
    fan.getByLabel("Payment card").selectOption("tok_declined");
    fan.locator("#pay").click();
    assertThat(fan.locator("#payment-error")).containsText("declined");
    assertThat(fan.locator("#countdown")).isVisible();
    assertThat(
            jdbc.queryForObject(
                "select status from hold where event_id = ?::uuid", String.class, eventId))
        .isEqualTo("ACTIVE");

    fan.getByLabel("Payment card").selectOption("tok_ok");
    fan.locator("#pay").click();
    assertThat(fan.locator("#tickets li")).hasCount(1);
  }

  @Test
  void anExpiredHoldSaysSoAndOffersToStartOver() {
    var eventId = eventOnSale("Aida");
    var fan =
        holdSeats(Browsers.signIn(browsers.context(port), accounts.customer().email()), eventId, 3);
    jdbc.update(
        "update hold set expires_at = now() - interval '1 second' where event_id = ?::uuid",
        eventId);
    fan.reload();
    assertThat(fan.locator("#expired")).isVisible();
    assertThat(fan.locator("#expired")).containsText("Your hold expired");
    fan.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start over")).click();
    fan.waitForURL(Pattern.compile(".*/events/" + eventId));
  }

  @Test
  void aScannerAdmitsATicketOnceAndRefusesItTheSecondTime() {
    var eventId = eventOnSale("Nabucco");
    var buyer = accounts.customer();
    var orderId = catalog.buy(jdbc, buyer.token(), eventId, 0, "tok_ok");
    catalog.awaitOrder(buyer.token(), orderId, "CONFIRMED", "CAPTURING", "COMPLETED");
    var barcode =
        jdbc.queryForObject(
            "select barcode from ticket where order_id = ?::uuid", String.class, orderId);

    var scanner = Browsers.signIn(browsers.context(port), accounts.scanner().email());
    scanner.navigate("/scanner");
    Browsers.assertEveryControlIsLabelled(scanner);
    scanner.getByLabel("Barcode (scan into this field, or paste it)").fill(barcode);
    scanner.locator("#scan").click();
    assertThat(scanner.locator("#scan-result")).hasClass(Pattern.compile(".*\\bok\\b.*"));
    assertThat(scanner.locator("#scan-result")).containsText("ADMIT");
    Browsers.screenshot(scanner, "scanner");

    scanner.getByLabel("Barcode (scan into this field, or paste it)").fill(barcode);
    scanner.locator("#scan").click();
    assertThat(scanner.locator("#scan-result")).hasClass(Pattern.compile(".*\\bwarn\\b.*"));
    assertThat(scanner.locator("#scan-result")).containsText("ALREADY USED");

    // a photo of a ticket (here: the second ticket's own QR code) is read and checked in
    var second = catalog.buy(jdbc, buyer.token(), eventId, 1, "tok_ok");
    catalog.awaitOrder(buyer.token(), second, "CONFIRMED", "CAPTURING", "COMPLETED");
    var ticketId =
        jdbc.queryForObject(
            "select id::text from ticket where order_id = ?::uuid", String.class, second);
    var png =
        api.bytes(api.request("/api/v1/tickets/" + ticketId + "/qr.png", buyer.token()).GET())
            .body();
    scanner
        .getByLabel("Or take a photo of the ticket")
        .setInputFiles(
            new com.microsoft.playwright.options.FilePayload("ticket.png", "image/png", png));
    // the text first: if it fails, it shows the refusal's reason (failed once in three CI runs)
    assertThat(scanner.locator("#scan-result")).containsText("ADMIT");
    assertThat(scanner.locator("#scan-result")).hasClass(Pattern.compile(".*\\bok\\b.*"));
    scanner
        .getByLabel("Or take a photo of the ticket")
        .setInputFiles(
            new com.microsoft.playwright.options.FilePayload("blank.png", "image/png", blankPng()));
    assertThat(scanner.locator("#scan-result")).containsText("No readable QR code");
  }

  private static byte[] blankPng() {
    try (var out = new java.io.ByteArrayOutputStream()) {
      javax.imageio.ImageIO.write(
          new java.awt.image.BufferedImage(200, 200, java.awt.image.BufferedImage.TYPE_INT_RGB),
          "png",
          out);
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aVisitorCreatesAnAccountAndSignsIn() {
    var page = browsers.context(port).newPage();
    page.navigate("/register");
    Browsers.assertEveryControlIsLabelled(page);
    var email = "new-" + java.util.UUID.randomUUID() + "@test.boxoffice.io";
    page.getByLabel("Your name").fill("Nina New");
    page.getByLabel("E-mail").fill(email);
    page.getByLabel("Password (at least 10 characters)").fill("correct horse battery");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
    assertThat(page.locator("#registered-notice")).isVisible();
    page.getByLabel("E-mail").fill(email);
    page.getByLabel("Password").fill("correct horse battery");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    assertThat(page.getByText("Signed in as")).isVisible();
    assertThat(page.getByText("Nina New")).isVisible();
  }
}
