package io.boxoffice.admission.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.boxoffice.catalog.NewEvent;
import io.boxoffice.test.BrowserTest;
import io.boxoffice.test.Browsers;
import io.boxoffice.test.TestApplications;
import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/** The waiting room page in a real browser: wait, get admitted, continue to the seats, hold. */
class WaitingRoomPageTest extends BrowserTest {

  @Autowired Admitter admitter;
  @Autowired QueuePolicies policies;
  @Autowired ConfigurableApplicationContext app;

  @Test
  void theWaitingRoomAdmitsAVisitorAndContinuesToTheEventPage() {
    var event =
        TestApplications.eventWithQueue(
            app,
            TestApplications.organizer(app),
            1,
            6,
            Instant.now().minusSeconds(5),
            new NewEvent.Queue(true, null, 600, 100, 600));
    var fan = Browsers.signIn(browsers.context(port), accounts.customer().email());

    fan.navigate("/events/" + event);
    assertThat(fan.locator("#hold-seats")).isHidden();
    fan.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Join the waiting room"))
        .click();
    assertThat(fan.locator("#position")).hasText("1");
    assertThat(fan.getByText("You keep your place if you close this tab")).isVisible();
    Browsers.assertEveryControlIsLabelled(fan);
    Browsers.screenshot(fan, "waiting-room");

    // a long wait outlives the page's API token: the page gets a new one from its session
    fan.evaluate("document.querySelector('meta[name=\"api-token\"]').content = 'expired.token.x'");
    var policy = policies.current(event).orElseThrow();
    var now = Instant.now();
    admitter.admit(policy, now);
    admitter.admit(policy, now.plusSeconds(1));

    fan.waitForURL(Pattern.compile(".*/events/" + event + "$"));
    var seat = catalog.seatIds(jdbc, event.toString()).get(2);
    fan.locator("[data-seat-id=\"" + seat + "\"]").click();
    fan.locator("#hold-seats").click();
    fan.waitForURL(Pattern.compile(".*/checkout/.*"));
    assertThat(fan.locator("#hold-lines li")).hasCount(1);
  }
}
