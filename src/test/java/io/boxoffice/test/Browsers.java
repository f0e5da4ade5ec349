package io.boxoffice.test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's Chromium driven by Playwright (no browser download: {@code
 * PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD}, set by the build), with what the page tests share: signing in,
 * screenshots to {@code target/screenshots/}, and the accessibility basics every page must meet.
 */
public final class Browsers implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private final Playwright playwright;
  private final Browser browser;

  private Browsers(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  public static Browsers launch() {
    if (!Files.isExecutable(CHROMIUM)) {
      throw new IllegalStateException(
          "Chromium is missing: apt-get install chromium (.ci/run installs it)");
    }
    var playwright = Playwright.create();
    var browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--no-first-run")));
    return new Browsers(playwright, browser);
  }

  /** A fresh browser profile (its own cookies and session) on the service at {@code port}. */
  public BrowserContext context(int port) {
    var context =
        browser.newContext(
            new Browser.NewContextOptions()
                .setBaseURL("http://127.0.0.1:" + port)
                .setViewportSize(1280, 900));
    context.setDefaultTimeout(15_000);
    return context;
  }

  /** Signs in through the login page and lands on the home page. */
  public static Page signIn(BrowserContext context, String email) {
    var page = context.newPage();
    page.navigate("/login");
    page.getByLabel("E-mail").fill(email);
    page.getByLabel("Password").fill(TestAccounts.PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    assertThat(page.getByText("Signed in as")).isVisible();
    return page;
  }

  /**
   * Waits until Alpine has initialised every component of the page. A field filled before that is
   * reset by its {@code x-model} when the component starts (the script is deferred).
   */
  public static void awaitComponents(Page page) {
    page.waitForFunction(
        "() => window.Alpine && [...document.querySelectorAll('[x-data]')]"
            + ".every((e) => e._x_dataStack)");
  }

  public static void screenshot(Page page, String name) {
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(Path.of("target", "screenshots", name + ".png"))
            .setFullPage(true));
  }

  /** Every visible form control has a label (or an accessible name) a screen reader can read. */
  public static void assertEveryControlIsLabelled(Page page) {
    @SuppressWarnings("unchecked")
    var unlabelled =
        (List<String>)
            page.evaluate(
                """
                () => [...document.querySelectorAll('input, select, textarea')]
                  .filter(el => el.type !== 'hidden' && el.offsetParent !== null)
                  .filter(el => el.labels.length === 0 && !el.getAttribute('aria-label'))
                  .map(el => el.outerHTML)
                """);
    assertThat(unlabelled).as("form controls without a label on " + page.url()).isEmpty();
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
