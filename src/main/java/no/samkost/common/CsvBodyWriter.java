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

/**
 * A response as CSV (RFC 4180 line ends, UTF-8) for reporting sheets and auditors: a header row
 * whose columns follow the JSON field names, then one row per item, as an attachment. The values
 * are codes, numbers, booleans and pseudonymous refs ([A-Za-z0-9_-]), so nothing needs quoting.
 */
public abstract class CsvBodyWriter<T> implements MessageBodyWriter<T> {

    public static final String MEDIA_TYPE = "text/csv";

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
            out.write(String.join(",", row));
            out.write("\r\n");
        }
        out.flush();
    }

    protected static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    protected static String money(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
