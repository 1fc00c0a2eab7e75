package no.samkost.common;

import java.util.Optional;

/**
 * The one rule for text that comes in (JSON strings, path and query parameters, CSV fields): it is
 * refused, never trimmed or repaired, when it holds a character that would let it hide or forge
 * something. Refused: control characters (U+0000-U+001F, U+007F-U+009F: NUL, line breaks, escape
 * sequences), bidi controls that reorder what a reader sees (U+061C, U+200E, U+200F, U+202A-U+202E,
 * U+2066-U+2069), line and paragraph separators (U+2028, U+2029), the byte order mark U+FEFF,
 * noncharacters U+FFFE and U+FFFF, unpaired surrogates (not text at all, and PostgreSQL cannot store
 * them), and U+FFFD, which is what undecodable bytes become. Plain Java.
 */
public final class InputText {

    private InputText() {}

    /** Why {@code value} is refused, or empty when it is fine. */
    public static Optional<String> problem(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            if (forbidden(value, i)) {
                return Optional.of(String.format(
                        "must not contain %s (U+%04X at position %d)",
                        kind(value.charAt(i)), (int) value.charAt(i), i + 1));
            }
        }
        return Optional.empty();
    }

    /**
     * The value without the ordinary spaces around it (a spreadsheet's padding), which are not part
     * of it; nothing else is removed.
     */
    public static String unpadded(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && value.charAt(start) == ' ') {
            start++;
        }
        while (end > start && value.charAt(end - 1) == ' ') {
            end--;
        }
        return value.substring(start, end);
    }

    /** Whether the character at {@code i} is one that input text may not hold. */
    public static boolean forbidden(String value, int i) {
        char c = value.charAt(i);
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(value.charAt(i - 1));
        }
        return bidiControl(c) || c == 0x2028 || c == 0x2029 || c == 0xFEFF || c == 0xFFFD || c == 0xFFFE || c == 0xFFFF;
    }

    private static boolean bidiControl(char c) {
        return c == 0x061C
                || c == 0x200E
                || c == 0x200F
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069);
    }

    private static String kind(char c) {
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            return "a control character";
        }
        if (Character.isSurrogate(c)) {
            return "an unpaired surrogate";
        }
        if (c == 0xFFFD) {
            return "a replacement character (bytes that are not valid UTF-8?)";
        }
        if (bidiControl(c)) {
            return "a bidirectional control character";
        }
        return "an invisible formatting character";
    }
}
