package no.samkost.common;

/**
 * Values from a request (paths, parameters, header values) go into the log through here, so that a
 * decoded line break or escape sequence in them cannot forge a log line or colour a terminal.
 */
public final class LogSafe {

    private static final int MAX = 500;

    private LogSafe() {}

    /** The value with every control, bidi and unpaired surrogate character written as {@code \\uXXXX}, cut at 500. */
    public static String value(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX) + 16);
        for (int i = 0; i < value.length() && out.length() < MAX; i++) {
            char c = value.charAt(i);
            if (InputText.forbidden(value, i)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        if (out.length() >= MAX) {
            out.append("...");
        }
        return out.toString();
    }
}
