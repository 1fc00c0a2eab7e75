package no.samkost.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web front end in a real browser (headless Chromium) against the packaged service and the real
 * Keycloak of the demo ({@link DemoStack}). Every page a test {@link BrowserSession#visit}s is held
 * to the front end's rules there (strict CSP header, no CSP violation in the console, no axe-core
 * WCAG 2.1 A/AA violation) and saved as {@code target/screenshots/<name>.png}.
 *
 * <p>A page's test: log in, visit, assert what the person sees, e.g.
 *
 * <pre>{@code
 * @Test
 * void theClaimShowsTheYearsTotal(BrowserSession browser) {
 *     browser.loginAs("0716", "coordinator-0716");
 *     var page = browser.visit("/app/0716/krav/2023", "krav-2023");
 *     assertThat(page.heading()).isEqualTo("Refusjonskrav 2023");
 * }
 * }</pre>
 */
@ExtendWith({DemoStack.Extension.class, BrowserSession.Extension.class})
class BrowserIT {

    @Test
    void aCoordinatorLogsInThroughKeycloaksOwnLoginPageAndSeesTheHomePageInNorwegian(BrowserSession browser) {
        BrowserSession.Page start = browser.visit("/app/", "start");
        assertThat(start.status()).isEqualTo(200);
        assertThat(start.heading()).isEqualTo("Logg inn i samkost");
        assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang"))
                .isEqualTo("nb");

        browser.driver().findElement(By.partialLinkText("Re kommune")).click();
        browser.awaitKeycloakLogin("0716");
        browser.screenshot("keycloak-innlogging");
        browser.submitKeycloakLogin("0716", "coordinator-0716");
        new WebDriverWait(browser.driver(), BrowserSession.WAIT)
                .until(ExpectedConditions.urlToBe(browser.url("/app/0716/")));

        BrowserSession.Page home = browser.check("hjem-koordinator-0716");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.heading()).isEqualTo("Re kommune");
        assertThat(home.title()).isEqualTo("Re kommune – samkost");
        String text = browser.driver().findElement(By.tagName("body")).getText();
        assertThat(text)
                .contains("Du er logget inn som coordinator-0716.")
                .contains("coordinator-0716, Re kommune")
                .contains("Mottakere", "Kostnader", "Refusjonskrav", "Logg ut");
    }

    /**
     * The session cookie keeps the session from scripts and from other sites' requests. Chrome
     * accepts a Secure cookie from http://127.0.0.1 (a trustworthy origin), so the demo and this
     * test need no TLS.
     */
    @Test
    void theSessionCookieIsHttpOnlySameSiteLaxAndSecure(BrowserSession browser) {
        browser.loginAs("0716", "coordinator-0716");
        Cookie session = browser.cookieStartingWith("q_session_web-")
                .orElseThrow(() -> new AssertionError("no q_session_web-* cookie among " + browser.cookies()));
        assertThat(session.getName()).startsWith("q_session_web-re");
        assertThat(session.isHttpOnly()).as("HttpOnly").isTrue();
        assertThat(session.isSecure()).as("Secure").isTrue();
        assertThat(session.getSameSite()).as("SameSite").isEqualTo("Lax");
        assertThat(session.getPath()).isEqualTo("/app");
        assertThat(((JavascriptExecutor) browser.driver()).executeScript("return document.cookie;"))
                .asString()
                .doesNotContain("q_session");
    }

    @Test
    void aSessionOfHofGetsNoAccessToResPages(BrowserSession browser) {
        browser.loginAs("0714", "group-0714");
        assertThat(browser.cookieStartingWith("q_session_web-hof")).isPresent();

        BrowserSession.Page other = browser.visit("/app/0716/", "ingen-tilgang");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.heading()).isEqualTo("Ingen tilgang");
        assertThat(browser.driver().getPageSource()).doesNotContain("Re kommune");
    }

    @Test
    void theCoordinatorSeesTheDemoRecipients(BrowserSession browser) {
        browser.loginAs("0716", "coordinator-0716");
        BrowserSession.Page page = browser.visit("/app/0716/mottakere", "mottakere");
        assertThat(page.heading()).isEqualTo("Mottakere i Re");
        assertThat(browser.driver().findElement(By.tagName("table")).getText()).contains("DEMO-RE-1");
    }

    @Test
    void loggingOutEndsTheSessionAtKeycloakToo(BrowserSession browser) {
        browser.loginAs("0716", "coordinator-0716");
        browser.clickLink("Logg ut");
        // Keycloak sends the browser back to the post-logout page with its state parameter.
        new WebDriverWait(browser.driver(), BrowserSession.WAIT)
                .until(ExpectedConditions.urlMatches("^" + Pattern.quote(browser.url("/app/")) + "(\\?state=[^&]*)?$"));
        assertThat(browser.check("utlogget").heading()).isEqualTo("Logg inn i samkost");
        assertThat(browser.cookieStartingWith("q_session_")).isEmpty();

        // Were Keycloak's session still alive, this would go straight back to the home page.
        browser.driver().get(browser.url("/app/0716/"));
        browser.awaitKeycloakLogin("0716");
        assertThat(browser.driver().findElements(By.id("kc-form-login"))).hasSize(1);
    }

    /**
     * The console check is not blind: an image from another origin, which the start page's policy
     * forbids, is reported. It also shows that the test's own script execution (how axe-core gets
     * into the page) is not what the policy blocks.
     */
    @Test
    void theConsoleCheckSeesACspViolation(BrowserSession browser) {
        browser.visit("/app/", "start");
        ((JavascriptExecutor) browser.driver())
                .executeScript("var img = document.createElement('img');"
                        + " img.alt = ''; img.src = 'https://example.invalid/x.png'; document.body.appendChild(img);");
        assertThatThrownBy(() -> browser.check("start-med-brudd"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("CSP violation in the console")
                .hasMessageContaining("example.invalid");
    }
}
