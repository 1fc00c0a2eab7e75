package no.samkost.reimbursement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "ClaimDifferences",
        description = "The live claim compared with a submission's snapshot: every recipient and field whose amount"
                + " differs (a recipient on one side only has null on the other), and the totals that differ.")
public record ClaimDifferences(
        @Schema(description = "the submission compared with") int submissionNumber,
        String snapshotSha256,
        List<Difference> recipients,
        List<Difference> totals) {

    @Schema(name = "ClaimDifference")
    public record Difference(
            @Schema(nullable = true, description = "the recipient; null for a total") String ref,
            @Schema(
                            description =
                                    "costs, earmarkedGrants, hostMunicipalityGrant, userPayments, intellectualDisability,"
                                            + " basis, grant; for totals also recipients and eligibleRecipients")
                    String field,
            @Schema(nullable = true) BigDecimal snapshot,
            @Schema(nullable = true) BigDecimal live,
            @Schema(nullable = true, description = "live - snapshot; null when either is null")
                    BigDecimal difference) {}

    private static final Map<String, Function<ClaimView.RecipientLine, BigDecimal>> LINE_FIELDS = lineFields();

    private static Map<String, Function<ClaimView.RecipientLine, BigDecimal>> lineFields() {
        Map<String, Function<ClaimView.RecipientLine, BigDecimal>> fields = new LinkedHashMap<>();
        fields.put("costs", ClaimView.RecipientLine::costs);
        fields.put("earmarkedGrants", l -> l.deductions().earmarkedGrants());
        fields.put("hostMunicipalityGrant", l -> l.deductions().hostMunicipalityGrant());
        fields.put("userPayments", l -> l.deductions().userPayments());
        fields.put("intellectualDisability", l -> l.deductions().intellectualDisability());
        fields.put("basis", ClaimView.RecipientLine::basis);
        fields.put("grant", ClaimView.RecipientLine::grant);
        return fields;
    }

    static ClaimDifferences between(int number, String sha256, ClaimFigures snapshot, ClaimFigures live) {
        Map<String, ClaimView.RecipientLine> before = byRef(snapshot.recipients());
        Map<String, ClaimView.RecipientLine> after = byRef(live.recipients());
        TreeSet<String> refs = new TreeSet<>(before.keySet());
        refs.addAll(after.keySet());
        List<Difference> lines = new ArrayList<>();
        for (String ref : refs) {
            ClaimView.RecipientLine b = before.get(ref);
            ClaimView.RecipientLine a = after.get(ref);
            for (Map.Entry<String, Function<ClaimView.RecipientLine, BigDecimal>> field : LINE_FIELDS.entrySet()) {
                BigDecimal was = b == null ? null : field.getValue().apply(b);
                BigDecimal is = a == null ? null : field.getValue().apply(a);
                if (b == null || a == null || differs(was, is)) {
                    if (was != null || is != null) {
                        lines.add(difference(ref, field.getKey(), was, is));
                    }
                }
            }
        }
        List<Difference> totals = new ArrayList<>();
        ClaimView.Totals b = snapshot.totals();
        ClaimView.Totals a = live.totals();
        total(totals, "recipients", BigDecimal.valueOf(b.recipients()), BigDecimal.valueOf(a.recipients()));
        total(
                totals,
                "eligibleRecipients",
                BigDecimal.valueOf(b.eligibleRecipients()),
                BigDecimal.valueOf(a.eligibleRecipients()));
        total(totals, "costs", b.costs(), a.costs());
        total(totals, "basis", b.basis(), a.basis());
        total(totals, "grant", b.grant(), a.grant());
        return new ClaimDifferences(number, sha256, List.copyOf(lines), List.copyOf(totals));
    }

    private static void total(List<Difference> totals, String field, BigDecimal was, BigDecimal is) {
        if (differs(was, is)) {
            totals.add(difference(null, field, was, is));
        }
    }

    private static boolean differs(BigDecimal was, BigDecimal is) {
        return was == null || is == null ? !Objects.equals(was, is) : was.compareTo(is) != 0;
    }

    private static Difference difference(String ref, String field, BigDecimal was, BigDecimal is) {
        return new Difference(ref, field, was, is, was == null || is == null ? null : is.subtract(was));
    }

    private static Map<String, ClaimView.RecipientLine> byRef(List<ClaimView.RecipientLine> lines) {
        Map<String, ClaimView.RecipientLine> map = new LinkedHashMap<>();
        lines.forEach(l -> map.put(l.ref(), l));
        return map;
    }
}
