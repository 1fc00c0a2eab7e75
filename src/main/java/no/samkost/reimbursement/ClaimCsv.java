package no.samkost.reimbursement;

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
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * The claim as CSV, one row per recipient, columns named as the JSON fields, for the directorate's
 * reporting sheet and the auditor. Every row carries the municipality and both years, so a pasted
 * row still says what it belongs to.
 */
@Provider
@Produces(ClaimCsv.MEDIA_TYPE)
public class ClaimCsv implements MessageBodyWriter<ClaimView> {

    public static final String MEDIA_TYPE = "text/csv";
    static final String HEADER = "municipality,costYear,grantYear,ref,eligible,reason,costs,earmarkedGrants,"
            + "hostMunicipalityGrant,userPayments,intellectualDisability,basis,grant";

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return ClaimView.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(
            ClaimView claim,
            Class<?> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, Object> headers,
            OutputStream entityStream)
            throws IOException {
        headers.putSingle(
                "Content-Disposition",
                "attachment; filename=\"claim-" + claim.municipality() + "-costs-" + claim.costYear() + ".csv\"");
        Writer out = new OutputStreamWriter(entityStream, StandardCharsets.UTF_8);
        out.write(HEADER);
        out.write("\r\n");
        for (ClaimView.RecipientLine line : claim.recipients()) {
            out.write(String.join(
                    ",",
                    claim.municipality(),
                    Integer.toString(claim.costYear()),
                    Integer.toString(claim.grantYear()),
                    line.ref(),
                    text(line.eligible()),
                    text(line.reason()),
                    money(line.costs()),
                    money(line.deductions().earmarkedGrants()),
                    money(line.deductions().hostMunicipalityGrant()),
                    money(line.deductions().userPayments()),
                    money(line.deductions().intellectualDisability()),
                    money(line.basis()),
                    money(line.grant())));
            out.write("\r\n");
        }
        out.flush();
    }

    /** Refs are [A-Za-z0-9_-] and the rest are numbers, booleans and codes: nothing needs quoting. */
    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String money(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
