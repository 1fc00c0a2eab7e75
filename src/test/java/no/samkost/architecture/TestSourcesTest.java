package no.samkost.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules for the tests themselves, read from their source: money is compared as BigDecimal, and an
 * error status is never asserted without its problem type.
 */
class TestSourcesTest {

    static final Path TESTS = Path.of("src/test/java");

    /** Files whose floating point is not money, and what it is instead. Nothing else may use it. */
    static final Map<String, String> NOT_MONEY = Map.of(
            "no/samkost/bench/HttpProbe.java", "response times in milliseconds",
            "no/samkost/bench/PageSpeedBenchmark.java", "response times in milliseconds and their ratios",
            "no/samkost/bench/NationalScaleBenchmark.java",
                    "timings, rates and memory; its answers are checked with BigDecimal before it times them",
            "no/samkost/bench/RiskPoolingBenchmark.java",
                    "timings and rates, and the Poisson table's probabilities as the simulation builds it; its answers"
                            + " are checked with BigDecimal before it times them",
            "no/samkost/architecture/ArchitectureTest.java", "the rule that forbids float and double fields in main",
            "no/samkost/architecture/TestSourcesTest.java", "the patterns below");

    /** Calls whose decimal argument is not money: jqwik's probability of a null. */
    static final Pattern NOT_MONEY_CALLS = Pattern.compile("\\binjectNull\\(\\s*\\d*\\.\\d+\\s*\\)");

    /** Floating point, float and double matchers, and decimal literals (a Java double). */
    static final Pattern FLOATING_POINT = Pattern.compile("\\b(float|double|Float|Double)\\b"
            + "|\\b(closeTo|within|withinPercentage|byLessThan|offset|floatValue|doubleValue|getFloat|getDouble)\\s*\\("
            + "|(?<![\\w.])\\d+(\\.\\d+)?[fFdD]\\b|(?<![\\w.])\\d+\\.\\d+|(?<![\\w.])\\d+[eE][+-]?\\d+");

    /** A 4xx or 5xx asserted on a RestAssured answer, in a chain or with assertEquals. */
    static final Pattern ERROR_STATUS = Pattern.compile(
            "statusCode\\(\\s*[45]\\d\\d\\s*\\)|assertEquals\\(\\s*[45]\\d\\d\\s*,[^,;]*statusCode\\(\\)");

    @Test
    void noTestComparesThroughFloatingPoint() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : sources()) {
            String name = TESTS.relativize(file).toString().replace('\\', '/');
            if (NOT_MONEY.containsKey(name)) {
                continue;
            }
            List<String> lines = NOT_MONEY_CALLS
                    .matcher(withoutStringsAndComments(Files.readString(file)))
                    .replaceAll("")
                    .lines()
                    .toList();
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = FLOATING_POINT.matcher(lines.get(i));
                if (m.find()) {
                    found.add(name + ":" + (i + 1) + " " + m.group().strip());
                }
            }
        }
        assertEquals(
                List.of(),
                found,
                "compare money as BigDecimal (Money.exact(), Money.exactPaths(), new BigDecimal(\"...\")); "
                        + "floating point that is not money belongs in NOT_MONEY with what it is");
    }

    @Test
    void everyErrorStatusIsAssertedWithItsProblemType() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : sources()) {
            String name = TESTS.relativize(file).toString().replace('\\', '/');
            // statements, string literals kept: the problem type is asserted as "type"
            String[] statements = withoutComments(Files.readString(file)).split(";");
            for (int i = 0; i < statements.length; i++) {
                Matcher m = ERROR_STATUS.matcher(statements[i]);
                if (m.find()) {
                    String next = i + 1 < statements.length ? statements[i + 1] : "";
                    if (!assertsType(statements[i]) && !assertsType(next)) {
                        found.add(name + ": " + statements[i].strip().replaceAll("\\s+", " "));
                    }
                }
            }
        }
        assertEquals(
                List.of(),
                found,
                "assert the problem type with the status: .spec(Problems.problem(status, \"type\")) or "
                        + ".body(\"type\", ...) in the same statement (or the next, for assertEquals)");
    }

    /** The problem's type: {@code "type"} in problem+json, {@code data-problem-type} on an HTML problem page. */
    static boolean assertsType(String statement) {
        return statement.contains("\"type\"") || statement.contains("data-problem-type");
    }

    static List<Path> sources() throws IOException {
        assertTrue(Files.isDirectory(TESTS), "run from the project directory: " + TESTS.toAbsolutePath());
        try (Stream<Path> files = Files.walk(TESTS)) {
            List<Path> java =
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
            assertTrue(java.size() > 20, "found only " + java);
            return java;
        }
    }

    /** Comments blanked out (line breaks kept, so line numbers hold). */
    static String withoutComments(String source) {
        return strip(source, false);
    }

    /** Comments and the contents of string and char literals blanked out. */
    static String withoutStringsAndComments(String source) {
        return strip(source, true);
    }

    private static String strip(String s, boolean strings) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (s.startsWith("//", i)) {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
                s.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
                i = end;
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                end = end < 0 ? s.length() : end + 3;
                String block = s.substring(i, end);
                out.append(
                        strings
                                ? "\"\""
                                        + "\n".repeat((int) block.chars()
                                                .filter(ch -> ch == '\n')
                                                .count())
                                : block);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != c) {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                out.append(strings ? "" + c + c : s.substring(i, Math.min(j + 1, s.length())));
                i = j + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
