package no.samkost.cooperation;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import no.samkost.cooperation.CooperationDtos.PooledMember;
import no.samkost.cooperation.CooperationDtos.PooledTotals;
import no.samkost.cooperation.CooperationDtos.PooledView;

/**
 * The pooled figures as CSV: one row per member and a last row {@code TOTAL}, columns named as the
 * JSON fields (the total row's sharedCostShare is the shared costs in all). Aggregates only, like
 * the JSON.
 */
@Provider
@Produces(PooledCsv.MEDIA_TYPE)
public class PooledCsv implements MessageBodyWriter<PooledView> {

    public static final String MEDIA_TYPE = "text/csv";
    static final String HEADER = "cooperation,costYear,grantYear,municipality,placedRecipients,placementDays,"
            + "attributedCosts,sharedCostShare,expectedGrant,netCost";

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return PooledView.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(
            PooledView pooled,
            Class<?> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, Object> headers,
            OutputStream entityStream)
            throws IOException {
        headers.putSingle(
                "Content-Disposition",
                "attachment; filename=\"pooled-" + pooled.cooperation() + "-costs-" + pooled.costYear() + ".csv\"");
        Writer out = new OutputStreamWriter(entityStream, StandardCharsets.UTF_8);
        out.write(HEADER);
        out.write("\r\n");
        String prefix = pooled.cooperation() + "," + pooled.costYear() + "," + pooled.grantYear() + ",";
        for (PooledMember m : pooled.members()) {
            out.write(prefix
                    + String.join(
                            ",",
                            m.municipality(),
                            Integer.toString(m.placedRecipients()),
                            Long.toString(m.placementDays()),
                            m.attributedCosts().toPlainString(),
                            m.sharedCostShare().toPlainString(),
                            m.expectedGrant().toPlainString(),
                            m.netCost().toPlainString()));
            out.write("\r\n");
        }
        PooledTotals t = pooled.totals();
        out.write(prefix
                + String.join(
                        ",",
                        "TOTAL",
                        Integer.toString(t.placedRecipients()),
                        Long.toString(t.placementDays()),
                        t.attributedCosts().toPlainString(),
                        t.sharedCosts().toPlainString(),
                        t.expectedGrant().toPlainString(),
                        t.netCost().toPlainString()));
        out.write("\r\n");
        out.flush();
    }
}
