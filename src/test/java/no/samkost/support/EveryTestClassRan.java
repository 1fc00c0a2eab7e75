package no.samkost.support;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The build's check that every test class ran: run by {@code ./mvnw verify} after Surefire and
 * Failsafe (see the pom), it fails the build when a compiled test class with a test method
 * ({@code @Test}, {@code @Property}, {@code @Example}, {@code @ParameterizedTest}, ... : anything
 * JUnit marks {@code @Testable}) appears in no {@code TEST-*.xml} report written by this build. A
 * class named so that no include pattern picks it up ({@code FooCheck}) is caught here.
 *
 * <p>A class may be absent only when it matches a pattern in the one list of classes left out on
 * purpose ({@code src/test/left-out-of-verify.txt}, also Surefire's excludes file), or when it is a
 * Failsafe class ({@code *IT}) and the ITs were skipped ({@code -DskipITs}).
 *
 * <p>Arguments: test classes directory, left-out list, build start (ISO instant; older reports are
 * stale and do not count), skipITs, then the report directories.
 */
public final class EveryTestClassRan {

    private static final Pattern FAILSAFE_CLASS = Pattern.compile(".*IT(Case)?$|^(.*\\.)?IT[^.]*$");
    private static final Pattern CLASSNAME = Pattern.compile("<testcase\\b[^>]*\\bclassname=\"([^\"]+)\"");

    private EveryTestClassRan() {}

    public static void main(String[] args) throws Exception {
        Path classes = Path.of(args[0]);
        List<String> leftOut = patterns(Path.of(args[1]));
        FileTime buildStart = FileTime.from(Instant.parse(args[2]));
        boolean skipITs = Boolean.parseBoolean(args[3]);
        Set<String> reported = new HashSet<>();
        for (int i = 4; i < args.length; i++) {
            reported.addAll(reportedClasses(Path.of(args[i]), buildStart));
        }
        Set<String> missing = new TreeSet<>();
        Set<String> allowed = new TreeSet<>();
        for (String name : testClasses(classes)) {
            if (reported.contains(name)) {
                continue;
            }
            String source = name.replace('.', '/') + ".java";
            if (leftOut.stream().anyMatch(p -> matches(p, source))) {
                allowed.add(name + " (left out on purpose)");
            } else if (skipITs && FAILSAFE_CLASS.matcher(name).matches()) {
                allowed.add(name + " (skipITs)");
            } else {
                missing.add(name);
            }
        }
        allowed.forEach(a -> System.out.println("[every test class ran] not run: " + a));
        if (!missing.isEmpty()) {
            throw new IllegalStateException("test classes that ./mvnw verify did not run: " + missing
                    + ". Name them *Test, *Tests or *Properties (or *IT for Failsafe), or list them in "
                    + args[1] + " with the reason.");
        }
        System.out.println("[every test class ran] " + reported.size() + " classes in this build's reports");
    }

    /** Top-level and static nested classes with at least one test method, by binary name. */
    static List<String> testClasses(Path root) throws IOException, ClassNotFoundException {
        List<String> found = new ArrayList<>();
        ClassLoader loader = EveryTestClassRan.class.getClassLoader();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String relative = root.relativize(file)
                        .toString()
                        .replace(file.getFileSystem().getSeparator(), "/");
                String name = relative.substring(0, relative.length() - ".class".length())
                        .replace('/', '.');
                Class<?> type = Class.forName(name, false, loader);
                if (!Modifier.isAbstract(type.getModifiers()) && !type.isAnonymousClass() && hasTests(type)) {
                    found.add(topLevel(type).getName());
                }
            }
        }
        return found;
    }

    private static Class<?> topLevel(Class<?> type) {
        Class<?> outer = type;
        while (outer.getEnclosingClass() != null) {
            outer = outer.getEnclosingClass();
        }
        return outer;
    }

    private static boolean hasTests(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (java.lang.reflect.Field f : c.getDeclaredFields()) { // ArchUnit's @ArchTest rule fields
                for (Annotation a : f.getAnnotations()) {
                    if (testable(a.annotationType(), new HashSet<>())) {
                        return true;
                    }
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                for (Annotation a : m.getAnnotations()) {
                    if (testable(a.annotationType(), new HashSet<>())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** JUnit's and jqwik's test annotations all carry {@code @Testable}, directly or through another. */
    private static boolean testable(Class<? extends Annotation> type, Set<Class<?>> seen) {
        if (!seen.add(type)) {
            return false;
        }
        if (type.getName().equals("org.junit.platform.commons.annotation.Testable")) {
            return true;
        }
        for (Annotation meta : type.getAnnotations()) {
            if (testable(meta.annotationType(), seen)) {
                return true;
            }
        }
        return false;
    }

    /** Classes (top level) with a test case in a report written since the build started. */
    static Set<String> reportedClasses(Path dir, FileTime buildStart) throws IOException {
        Set<String> names = new HashSet<>();
        if (!Files.isDirectory(dir)) {
            return names;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path report : files.filter(f -> {
                        String n = f.getFileName().toString();
                        return n.startsWith("TEST-") && n.endsWith(".xml");
                    })
                    .toList()) {
                if (Files.getLastModifiedTime(report).compareTo(buildStart) < 0) {
                    continue;
                }
                Matcher m = CLASSNAME.matcher(Files.readString(report));
                while (m.find()) {
                    String name = m.group(1);
                    int nested = name.indexOf('$');
                    names.add(nested < 0 ? name : name.substring(0, nested));
                }
            }
        }
        return names;
    }

    static List<String> patterns(Path list) throws IOException {
        return Files.readAllLines(list).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }

    /** Surefire's pattern syntax: {@code **} any folders, {@code *} and {@code ?} within a name. */
    static boolean matches(String pattern, String source) {
        if (pattern.startsWith("%regex[")) {
            throw new IllegalArgumentException("regex patterns are not supported in the left-out list: " + pattern);
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (pattern.startsWith("**/", i)) {
                regex.append("(.*/)?");
                i += 2;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return source.matches(regex.toString());
    }
}
