package no.samkost.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser on the {@link DemoStack}: Debian's headless Chromium driven through Debian's
 * chromedriver (their paths are set, so Selenium Manager never downloads a browser or a driver),
 * with a fresh profile, so no cookie of another test.
 *
 * <p>A page test is a few lines: {@code browser.loginAs("0716", "coordinator-0716")}, then {@code
 * browser.visit("/app/0716/krav", "krav")} and assertions on what it returns and on {@link
 * #driver()}. {@link #visit} and {@link #check} hold every page to the front end's rules: the
 * Content-Security-Policy header is there and strict, the browser's console shows no CSP violation,
 * axe-core finds no WCAG 2.1 A/AA violation; and they save a screenshot of the whole page as {@code
 * target/screenshots/<name>.png}.
 *
 * <p>Test methods get one as a parameter through {@link Extension} (which also saves a screenshot
 * and the HTML of the page a failed test ended on, as {@code target/screenshots/FAILED-*}).
 */
public final class BrowserSession implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration WAIT = Duration.ofSeconds(30);
    static final int WIDTH = 1280;
    static final int HEIGHT = 900;
    /** A screenshot is at most this tall; a longer page is cut there. */
    static final int MAX_SCREENSHOT_HEIGHT = 8000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DemoStack demo;
    private final ChromeDriver driver;

    private BrowserSession(DemoStack demo, ChromeDriver driver) {
        this.demo = demo;
        this.driver = driver;
    }

    /** A new browser with an empty profile. */
    public static BrowserSession open(DemoStack demo) {
        File chromium = executable("samkost.chromium", "/usr/bin/chromium");
        File chromedriver = executable("samkost.chromedriver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments(
                "--headless=new",
                // CI runs as root, where Chromium's sandbox cannot start.
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--no-first-run",
                "--disable-extensions",
                "--lang=nb-NO",
                "--window-size=" + WIDTH + "," + HEIGHT);
        // The console (CSP violations among it) for check().
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver)
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
        return new BrowserSession(demo, driver);
    }

    private static File executable(String property, String debianPath) {
        File file = new File(System.getProperty(property, debianPath));
        if (!file.canExecute()) {
            throw new IllegalStateException("the browser tests need " + file + " (Debian: apt-get install chromium"
                    + " chromium-driver; .ci/run installs them; elsewhere set -D" + property + ")");
        }
        return file;
    }

    public WebDriver driver() {
        return driver;
    }

    public DemoStack demo() {
        return demo;
    }

    /** The service's URL of {@code path}, e.g. {@code url("/app/")}. */
    public String url(String path) {
        return demo.serviceUrl() + path;
    }

    /**
     * Logs {@code username} (password {@code demo}) in as a person would: the start page, the
     * municipality's button, Keycloak's own login form; ends on the municipality's home page. Checks
     * none of these pages (a test that wants them checked {@link #visit}s them).
     */
    public BrowserSession loginAs(String code, String username) {
        driver.get(url("/app/"));
        driver.findElement(By.cssSelector("a[href='/app/" + code + "/']")).click();
        submitKeycloakLogin(code, username);
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.urlToBe(url("/app/" + code + "/")));
        return this;
    }

    /** Fills in and sends Keycloak's login form, which the browser must be showing. */
    public void submitKeycloakLogin(String code, String username) {
        awaitKeycloakLogin(code);
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.id("kc-login")).click();
    }

    /** Waits until the browser shows the login form of realm {@code kommune-<code>} at Keycloak. */
    public void awaitKeycloakLogin(String code) {
        new WebDriverWait(driver, WAIT)
                .until(ExpectedConditions.and(
                        ExpectedConditions.urlContains(demo.keycloakUrl() + "/realms/kommune-" + code + "/"),
                        ExpectedConditions.visibilityOfElementLocated(By.id("username"))));
    }

    /** What a checked page was: its status, its CSP header, its title and first heading. */
    public record Page(String url, int status, String contentSecurityPolicy, String title, String heading) {}

    /**
     * Opens {@code path} (e.g. {@code /app/0716/krav}), waits for it, and {@link #check}s it.
     * The console is read from this navigation on, so a violation on an earlier page (Keycloak's,
     * say) does not count here.
     */
    public Page visit(String path, String screenshotName) {
        consoleLog();
        driver.get(url(path));
        return check(screenshotName);
    }

    /**
     * Checks the page the browser shows now (after a click or a form, say): waits until it has
     * loaded (and any chart has drawn), asks the server for it once more to read its status and
     * headers, asserts the strict Content-Security-Policy, no CSP violation in the console, no axe
     * violation; saves {@code target/screenshots/<screenshotName>.png}.
     */
    public Page check(String screenshotName) {
        awaitLoaded();
        String url = driver.getCurrentUrl();
        if (url == null || !url.startsWith(demo.serviceUrl() + "/")) {
            throw new AssertionError("expected a page of the service, the browser shows " + url);
        }
        screenshot(screenshotName);
        JsonNode response = refetch();
        String csp = response.path("csp").isTextual() ? response.get("csp").asText() : null;
        Page page = new Page(
                url,
                response.path("status").asInt(),
                csp,
                driver.getTitle(),
                driver.findElements(By.tagName("h1")).stream()
                        .findFirst()
                        .map(WebElement::getText)
                        .orElse(""));
        List<String> problems = new ArrayList<>();
        if (csp == null) {
            problems.add("no Content-Security-Policy header on " + url);
        } else {
            for (String directive : List.of("default-src 'none'", "script-src 'self'", "style-src 'self'")) {
                if (!csp.contains(directive)) {
                    problems.add("the Content-Security-Policy lacks " + directive + ": " + csp);
                }
            }
            for (String loose : List.of("'unsafe-inline'", "'unsafe-eval'", "*")) {
                if (csp.contains(loose)) {
                    problems.add("the Content-Security-Policy allows " + loose + ": " + csp);
                }
            }
        }
        cspViolations().forEach(v -> problems.add("CSP violation in the console: " + v));
        Axe.violations(driver).forEach(v -> problems.add("axe: " + v));
        if (!problems.isEmpty()) {
            throw new AssertionError("page " + screenshotName + " (" + url + ") breaks the front end's rules:\n  "
                    + String.join("\n  ", problems));
        }
        return page;
    }

    /** The console since it was last read (reading empties it), as Chrome's log lines. */
    public List<String> consoleLog() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::toString)
                .toList();
    }

    /**
     * The CSP violations Chrome reported in the console since it was last read, leaving out
     * Keycloak's pages (not this project's policy).
     */
    public List<String> cspViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .filter(message -> !message.startsWith(demo.keycloakUrl()))
                .toList();
    }

    /** The cookies the browser would send to the current page (HttpOnly ones too). */
    public Set<Cookie> cookies() {
        return driver.manage().getCookies();
    }

    public Optional<Cookie> cookieStartingWith(String prefix) {
        return cookies().stream().filter(c -> c.getName().startsWith(prefix)).findFirst();
    }

    /** Clicks the link with exactly this visible text. */
    public void clickLink(String text) {
        driver.findElement(By.linkText(text)).click();
    }

    private void awaitLoaded() {
        JavascriptExecutor js = driver;
        new WebDriverWait(driver, WAIT).until(d -> "complete".equals(js.executeScript("return document.readyState;")));
        // ECharts animates its first drawing (about a second); let it finish before the screenshot.
        if (Boolean.TRUE.equals(js.executeScript("return document.querySelector('[_echarts_instance_]') !== null;"))) {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The current URL once more, from inside the page (same session): its status and CSP header. */
    private JsonNode refetch() {
        Object answer = driver.executeAsyncScript(
                """
                var done = arguments[arguments.length - 1];
                fetch(window.location.href, { credentials: 'same-origin', cache: 'no-store', redirect: 'manual' })
                    .then(function (r) {
                        done(JSON.stringify({ status: r.status, csp: r.headers.get('content-security-policy') }));
                    }, function (e) { done(JSON.stringify({ error: String(e) })); });
                """);
        try {
            JsonNode node = JSON.readTree(String.valueOf(answer));
            if (node.has("error")) {
                throw new IllegalStateException("could not fetch the page again: " + node.get("error"));
            }
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("fetch answered no JSON: " + answer, e);
        }
    }

    /** The whole page (up to {@value #MAX_SCREENSHOT_HEIGHT} pixels tall) as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.createDirectories(SCREENSHOTS);
            Number height = (Number)
                    driver.executeScript(
                            "return Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0);");
            int tall = Math.min(MAX_SCREENSHOT_HEIGHT, Math.max(HEIGHT, height.intValue()));
            Dimension before = driver.manage().window().getSize();
            if (tall > HEIGHT) {
                driver.manage().window().setSize(new Dimension(WIDTH, tall + (before.getHeight() - viewportHeight())));
            }
            try {
                Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            } finally {
                if (tall > HEIGHT) {
                    driver.manage().window().setSize(before);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not save " + file, e);
        }
        return file;
    }

    private int viewportHeight() {
        return ((Number) driver.executeScript("return window.innerHeight;")).intValue();
    }

    @Override
    public void close() {
        driver.quit();
    }

    /**
     * Gives each test method its own {@link BrowserSession} on the shared {@link DemoStack} (register
     * both: {@code @ExtendWith({DemoStack.Extension.class, BrowserSession.Extension.class})}), closed
     * after the test. When the test fails, the page it ended on is kept as {@code
     * target/screenshots/FAILED-<class>-<method>.png} and {@code .html}.
     */
    public static final class Extension implements ParameterResolver, AfterTestExecutionCallback {

        private static final ExtensionContext.Namespace NAMESPACE =
                ExtensionContext.Namespace.create(BrowserSession.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == BrowserSession.class
                    && context.getTestMethod().isPresent();
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getStore(NAMESPACE)
                    .computeIfAbsent(
                            BrowserSession.class, key -> BrowserSession.open(DemoStack.shared()), BrowserSession.class);
        }

        @Override
        public void afterTestExecution(ExtensionContext context) {
            BrowserSession session = context.getStore(NAMESPACE).get(BrowserSession.class, BrowserSession.class);
            String name = "FAILED-" + context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName();
            if (session == null || context.getExecutionException().isEmpty()) {
                // Passed: no FAILED-* of an earlier run may suggest otherwise.
                for (String ext : List.of(".png", ".html")) {
                    SCREENSHOTS.resolve(name + ext).toFile().delete();
                }
                return;
            }
            try {
                session.screenshot(name);
                Files.writeString(
                        SCREENSHOTS.resolve(name + ".html"),
                        "<!-- " + session.driver.getCurrentUrl() + " -->\n" + session.driver.getPageSource(),
                        StandardCharsets.UTF_8);
            } catch (RuntimeException | IOException e) {
                context.publishReportEntry("failure screenshot", "could not save: " + e);
            }
        }
    }
}
