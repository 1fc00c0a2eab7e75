package no.samkost.reimbursement;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import no.samkost.common.CsvBodyWriter;

/**
 * The claim as CSV, one row per recipient, for the directorate's reporting sheet and the auditor.
 * Every row carries the municipality and both years, so a pasted row still says what it belongs to.
 * A submitted claim's CSV is its snapshot's, and its last line is {@code snapshotSha256,<hex>}.
 */
@Provider
@Produces(CsvBodyWriter.MEDIA_TYPE)
public class ClaimCsv extends CsvBodyWriter<ClaimView> {

    public static final String MEDIA_TYPE = CsvBodyWriter.MEDIA_TYPE;
    static final String HEADER = "municipality,costYear,grantYear,ref,eligible,reason,costs,earmarkedGrants,"
            + "hostMunicipalityGrant,userPayments,intellectualDisability,basis,grant";

    public ClaimCsv() {
        super(ClaimView.class, HEADER);
    }

    @Override
    protected String fileName(ClaimView claim) {
        return "claim-" + claim.municipality() + "-costs-" + claim.costYear();
    }

    @Override
    protected List<List<String>> rows(ClaimView claim) {
        List<List<String>> rows = new java.util.ArrayList<>(claim.recipients().stream()
                .map(line -> List.of(
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
                        money(line.grant())))
                .toList());
        if (claim.figures() == ClaimView.Figures.SNAPSHOT) {
            // The auditor's file says which frozen snapshot it is: its hash, in the last line.
            rows.add(List.of("snapshotSha256", claim.submission().snapshotSha256()));
        }
        return rows;
    }
}
