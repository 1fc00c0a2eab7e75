package no.samkost.reimbursement;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical JSON of a claim's snapshot, so that anyone can recompute its hash from the text:
 * UTF-8; objects with their keys sorted (by UTF-16 code units, which for these ASCII keys is plain
 * alphabetical order); no whitespace outside strings; every field written, null as {@code null};
 * numbers as plain decimals with the scale they carry (money always with exactly two decimals, e.g.
 * {@code 1608000.00}; the rate as configured, e.g. {@code 0.80}; years and counts as integers), never
 * with an exponent; strings with only {@code "}, {@code \} and control characters escaped
 * ({@code \"}, {@code \\}, {@code \u001f}), everything else as itself. The hash is the lower-case hex
 * SHA-256 of those UTF-8 bytes. Plain Java, over records, maps with text keys (members in key
 * order, as a record's), lists, enums and scalars.
 */
public final class CanonicalJson {

    private CanonicalJson() {}

    public static String write(Object value) {
        StringBuilder out = new StringBuilder(4096);
        write(value, out);
        return out.toString();
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Enum<?> e) {
            string(e.name(), out);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (value instanceof Collection<?> items) {
            out.append('[');
            boolean first = true;
            for (Object item : items) {
                out.append(first ? "" : ",");
                first = false;
                write(item, out);
            }
            out.append(']');
        } else if (value instanceof Record record) {
            object(record, out);
        } else if (value instanceof Map<?, ?> map) {
            object(map, out);
        } else {
            throw new IllegalArgumentException(
                    "no canonical form for " + value.getClass().getSimpleName());
        }
    }

    private static void object(Record record, StringBuilder out) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        RecordComponent[] sorted = Arrays.copyOf(components, components.length);
        Arrays.sort(sorted, Comparator.comparing(RecordComponent::getName));
        out.append('{');
        for (int i = 0; i < sorted.length; i++) {
            out.append(i == 0 ? "" : ",");
            string(sorted[i].getName(), out);
            out.append(':');
            try {
                write(sorted[i].getAccessor().invoke(record), out);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + sorted[i].getName(), e);
            }
        }
        out.append('}');
    }

    /** A map with text (or enum) keys, as an object whose members are in key order like a record's. */
    private static void object(Map<?, ?> map, StringBuilder out) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        map.forEach((key, item) -> {
            if (!(key instanceof String) && !(key instanceof Enum<?>)) {
                throw new IllegalArgumentException(
                        "no canonical form for a map keyed by " + key.getClass().getSimpleName());
            }
            sorted.put(key instanceof Enum<?> e ? e.name() : (String) key, item);
        });
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> member : sorted.entrySet()) {
            out.append(first ? "" : ",");
            first = false;
            string(member.getKey(), out);
            out.append(':');
            write(member.getValue(), out);
        }
        out.append('}');
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
