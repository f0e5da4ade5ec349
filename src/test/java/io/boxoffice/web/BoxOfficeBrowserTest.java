package io.boxoffice.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.boxoffice.test.BrowserTest;
import io.boxoffice.test.Browsers;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The organizer's box office in a real browser: venue, event, the sale on the dashboard, refund.
 */
class BoxOfficeBrowserTest extends BrowserTest {

  @Test
  void anOrganizerCreatesAVenueAndAnEventAndSeesASaleOnTheDashboard() {
    var organizer = Browsers.signIn(browsers.context(port), accounts.organizer().email());
    organizer.navigate("/box-office");
    organizer
        .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New venue and event"))
        .click();

    Browsers.awaitComponents(organizer);
    organizer.getByLabel("Venue name").fill("Harbour Hall");
    organizer.getByLabel("City").fill("Bergen");
    organizer.getByLabel("Rows").fill("2");
    organizer.getByLabel("Seats per row").fill("5");
    assertThat(organizer.locator("#venue-preview circle")).hasCount(10);
    organizer
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a section"))
        .click();
    organizer.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).nth(1).fill("Floor");
    organizer.getByLabel("Kind").nth(1).selectOption("GENERAL_ADMISSION");
    organizer.getByLabel("Capacity").fill("50");
    assertThat(organizer.getByText("10 seats and 50 standing places").first()).isVisible();
    Browsers.assertEveryControlIsLabelled(organizer);
    Browsers.screenshot(organizer, "box-office-venue");
    organizer.locator("#save-venue").click();

    organizer.waitForURL(Pattern.compile(".*/box-office/events/new\\?venue=.*"));
    Browsers.awaitComponents(organizer);
    organizer.getByLabel("Title").fill("Harbour Jazz");
    organizer.getByLabel("Price (EUR)").fill("30");
    Browsers.assertEveryControlIsLabelled(organizer);
    organizer.locator("#publish-event").click();
    organizer.waitForURL(Pattern.compile(".*/box-office/events/[0-9a-f-]{36}$"));
    var eventId = organizer.url().substring(organizer.url().lastIndexOf('/') + 1);
    assertThat(organizer.locator("#available")).hasText("60");
    assertThat(organizer.locator("#sold")).hasText("0");

    var buyer = accounts.customer();
    var orderId = catalog.buy(jdbc, buyer.token(), eventId, 0, "tok_ok");
    catalog.awaitOrder(buyer.token(), orderId, "COMPLETED");

    assertThat(organizer.locator("#sold")).hasText("1");
    assertThat(organizer.locator("#available")).hasText("59");
    assertThat(organizer.locator("#revenue")).hasText("€30.00");
    assertThat(organizer.locator("#payment-success")).hasText("100 %");
    Browsers.screenshot(organizer, "dashboard");

    organizer.onDialog(dialog -> dialog.accept());
    organizer
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Refund order of €30.00"))
        .click();
    assertThat(organizer.locator("#orders tbody tr")).containsText("REFUNDED");
    assertThat(organizer.locator("#sold")).hasText("0");
    assertThat(organizer.locator("#available")).hasText("60");
    catalog.awaitOrder(buyer.token(), orderId, "REFUNDED");
  }
}
