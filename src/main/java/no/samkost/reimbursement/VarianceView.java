package no.samkost.reimbursement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.samkost.reimbursement.calculation.GrantVariance;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "ClaimVariance",
        description = "The claim's grant against a forecast's, the difference in named parts summing exactly to it:"
                + " the mean of two orders of substitution (recipients, then rules; and the reverse), halves of an"
                + " øre rounded to even and the øre left over given to one part (README, \"The variance\")")
public record VarianceView(
        int costYear,
        UUID forecastId,
        String forecastLabel,
        Instant forecastMadeAt,
        @Schema(description = "SNAPSHOT once the claim is submitted or attested, else LIVE (the ledger now)")
                ClaimView.Figures claimFigures,
        @Schema(description = "true when the claim is SUBMITTED or ATTESTED") boolean claimFinal,
        BigDecimal forecastGrant,
        BigDecimal claimGrant,
        @Schema(description = "claimGrant - forecastGrant") BigDecimal difference,
        List<Part> parts) {

    @Schema(name = "VariancePart")
    public record Part(GrantVariance.Part part, BigDecimal amount) {}
}
