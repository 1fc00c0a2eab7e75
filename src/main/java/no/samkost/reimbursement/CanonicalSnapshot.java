package no.samkost.reimbursement;

/** A claim's figures (or an estimate) as canonical JSON ({@link CanonicalJson}) and the SHA-256 of that text. */
public record CanonicalSnapshot(String text, String sha256) {

    public static CanonicalSnapshot of(ClaimFigures figures) {
        return ofRecord(figures);
    }

    public static CanonicalSnapshot of(EstimateView estimate) {
        return ofRecord(estimate);
    }

    private static CanonicalSnapshot ofRecord(Record value) {
        String text = CanonicalJson.write(value);
        return new CanonicalSnapshot(text, CanonicalJson.sha256(text));
    }
}
