package io.boxoffice.test;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the page tests: the whole service, and one Chromium per test class ({@link Browsers}).
 */
public abstract class BrowserTest extends IntegrationTest {

  protected static Browsers browsers;

  @BeforeAll
  static void launchBrowser() {
    browsers = Browsers.launch();
  }

  @AfterAll
  static void closeBrowser() {
    browsers.close();
  }
}
