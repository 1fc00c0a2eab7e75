package no.samkost.reimbursement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The texts the sign-off steps take; each through StrictJson (InputText) and bounded. */
public final class SignOffRequests {

    public static final int MAX_TEXT = 2000;

    private SignOffRequests() {}

    @Schema(name = "ClaimAttestation")
    public record Attestation(
            @Size(max = MAX_TEXT)
                    @Schema(
                            description = "the auditor's remark, at most 2000 characters",
                            examples = "checked against the payroll and the individual decisions")
                    String remark) {}

    /** A return by the auditor or a reopening by the coordinator: why. */
    @Schema(name = "ClaimReason")
    public record Reason(
            @NotBlank
                    @Size(max = MAX_TEXT)
                    @Schema(
                            description = "why the claim is returned or reopened, at most 2000 characters",
                            examples = "training hours are counted as direct wages in March")
                    String reason) {}
}
