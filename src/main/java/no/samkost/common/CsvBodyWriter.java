package no.samkost.common;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A response as CSV (RFC 4180 line ends, UTF-8) for reporting sheets and auditors: a header row
 * whose columns follow the JSON field names, then one row per item, as an attachment. Every cell
 * goes through {@link #cell(String)}, so no value can become a formula in the spreadsheet an auditor
 * opens it in, or break the row.
 */
public abstract class CsvBodyWriter<T> implements MessageBodyWriter<T> {

    public static final String MEDIA_TYPE = "text/csv";

    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d{1,30}(\\.\\d{1,30})?");

    private final Class<T> type;
    private final String header;

    protected CsvBodyWriter(Class<T> type, String header) {
        this.type = type;
        this.header = header;
    }

    /** The attachment's file name, without the extension. */
    protected abstract String fileName(T value);

    protected abstract List<List<String>> rows(T value);

    @Override
    public boolean isWriteable(Class<?> candidate, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isAssignableFrom(candidate);
    }

    @Override
    public void writeTo(
            T value,
            Class<?> candidate,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, Object> headers,
            OutputStream entityStream)
            throws IOException {
        headers.putSingle("Content-Disposition", "attachment; filename=\"" + fileName(value) + ".csv\"");
        Writer out = new OutputStreamWriter(entityStream, StandardCharsets.UTF_8);
        out.write(header);
        out.write("\r\n");
        for (List<String> row : rows(value)) {
            out.write(String.join(",", row.stream().map(CsvBodyWriter::cell).toList()));
            out.write("\r\n");
        }
        out.flush();
    }

    /**
     * A plain number is written as it is. Any other cell that starts with a character a spreadsheet
     * reads as the start of a formula (= + - @, tab, carriage return) gets a leading apostrophe, as
     * OWASP advises; a cell with a comma, quote or line break is quoted (RFC 4180).
     */
    public static String cell(String value) {
        if (value == null || value.isEmpty() || PLAIN_NUMBER.matcher(value).matches()) {
            return value == null ? "" : value;
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    protected static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    protected static String money(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
