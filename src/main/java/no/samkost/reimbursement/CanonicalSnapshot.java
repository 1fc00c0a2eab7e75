package no.samkost.reimbursement;

/** A claim's figures as canonical JSON ({@link CanonicalJson}) and the SHA-256 of that text. */
public record CanonicalSnapshot(String text, String sha256) {

    public static CanonicalSnapshot of(ClaimFigures figures) {
        String text = CanonicalJson.write(figures);
        return new CanonicalSnapshot(text, CanonicalJson.sha256(text));
    }
}
