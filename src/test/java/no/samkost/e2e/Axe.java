package no.samkost.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core in the page: the WCAG 2.1 A and AA rules (tags {@code wcag2a}, {@code wcag2aa}, {@code
 * wcag21a}, {@code wcag21aa}) on the document as the browser shows it.
 *
 * <p>The script is the npm package {@code axe-core} at the version the pom pins, which the build
 * fetches into {@code target/axe-core} in {@code pre-integration-test} (Failsafe passes its path as
 * {@code -Dsamkost.axe.script}). It is injected with WebDriver's script execution, which runs
 * through the DevTools protocol and is not subject to the page's Content-Security-Policy (the
 * pages allow scripts from their own origin only; {@code BrowserIT} checks that the injection
 * itself causes no violation).
 */
final class Axe {

    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String source;

    private Axe() {}

    /** The WCAG 2.1 A/AA violations of the page the driver shows, one readable line each; none = passes. */
    static List<String> violations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(script());
        }
        Object answer = js.executeAsyncScript(
                """
                var done = arguments[arguments.length - 1];
                window.axe.run(document, {
                    runOnly: { type: 'tag', values: arguments[0] },
                    resultTypes: ['violations']
                }).then(function (result) {
                    done(JSON.stringify({ version: window.axe.version, violations: result.violations }));
                }, function (error) {
                    done(JSON.stringify({ error: String(error) }));
                });
                """,
                TAGS);
        JsonNode result;
        try {
            result = JSON.readTree(String.valueOf(answer));
        } catch (IOException e) {
            throw new UncheckedIOException("axe answered no JSON: " + answer, e);
        }
        if (result.has("error")) {
            throw new IllegalStateException(
                    "axe failed in the page: " + result.get("error").asText());
        }
        String expected = System.getProperty("samkost.axe.version");
        String actual = result.path("version").asText();
        if (expected != null && !expected.equals(actual)) {
            throw new IllegalStateException("axe-core " + actual + " ran, the pom pins " + expected
                    + ": target/axe-core is stale; run ./mvnw verify (it fetches the pinned version)");
        }
        List<String> lines = new ArrayList<>();
        for (JsonNode violation : result.path("violations")) {
            List<String> targets = new ArrayList<>();
            for (JsonNode node : violation.path("nodes")) {
                targets.add(
                        node.path("target").toString() + " " + node.path("html").asText());
            }
            lines.add(violation.path("id").asText() + " ("
                    + violation.path("impact").asText() + "): "
                    + violation.path("help").asText() + " "
                    + violation.path("helpUrl").asText()
                    + "\n      " + String.join("\n      ", targets));
        }
        return lines;
    }

    private static synchronized String script() {
        if (source == null) {
            String configured = System.getProperty("samkost.axe.script");
            Path path = Path.of(
                    configured == null || configured.isBlank()
                            ? "target/axe-core/node_modules/axe-core/axe.min.js"
                            : configured);
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException("no axe-core at " + path.toAbsolutePath()
                        + ": ./mvnw verify fetches it with npm in pre-integration-test (npm must be installed)");
            }
            try {
                source = Files.readString(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + path, e);
            }
        }
        return source;
    }
}
