package no.samkost.reimbursement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.samkost.audit.AuditTrail;
import no.samkost.common.IdempotentRequests;
import no.samkost.common.ProblemException;
import no.samkost.common.ProblemType;
import no.samkost.costs.ClosedYears;
import no.samkost.reimbursement.calculation.GrantRules;
import no.samkost.tenancy.CurrentMunicipality;

/**
 * The claim's sign-off: the coordinator submits (snapshot, hash, the cost year closed), the auditor
 * attests or returns (the year open again), the coordinator may reopen before attestation. Every
 * step holds the cost year's lock (as a ledger write does), checks the claim's state, and is
 * recorded in the audit trail with the step.
 */
@ApplicationScoped
@Transactional
public class ClaimSubmissions {

    private final ClaimService claims;
    private final SubmissionRecords submissions;
    private final ClosedYears closedYears;
    private final IdempotentRequests idempotency;
    private final AuditTrail audit;
    private final CurrentMunicipality current;
    private final Clock clock;

    public ClaimSubmissions(
            ClaimService claims,
            SubmissionRecords submissions,
            ClosedYears closedYears,
            IdempotentRequests idempotency,
            AuditTrail audit,
            CurrentMunicipality current,
            Clock clock) {
        this.claims = claims;
        this.submissions = submissions;
        this.closedYears = closedYears;
        this.idempotency = idempotency;
        this.audit = audit;
        this.current = current;
        this.clock = clock;
    }

    /** What a retried step is recognised by (with its operation): the year and the text sent. */
    record Step(int costYear, String text) {}

    public SubmissionView submit(int costYear, Optional<String> idempotencyKey) {
        GrantRules rules = claims.rulesFor(costYear);
        return once("claims.submit", new Step(costYear, null), idempotencyKey, () -> {
            Optional<ClaimSubmission> latest = submissions.latest(costYear);
            ClaimState state = latest.map(ClaimSubmission::claimState).orElse(ClaimState.OPEN);
            require(costYear, state, Set.of(ClaimState.OPEN, ClaimState.RETURNED), "submitted");
            ClaimFigures figures = claims.figures(costYear, rules);
            refuseProjected(figures);
            refuseIncomplete(figures);
            CanonicalSnapshot snapshot = CanonicalSnapshot.of(figures);
            ClaimSubmission submission = new ClaimSubmission(
                    costYear, latest.map(s -> s.number + 1).orElse(1), snapshot, clock.instant(), current.subject());
            submissions.add(submission);
            closedYears.close(costYear);
            audit.record(
                    "claim.submit",
                    "cost year " + costYear + " submission " + submission.number + " sha256 " + snapshot.sha256());
            return submission;
        });
    }

    public SubmissionView attest(int costYear, String remark, Optional<String> idempotencyKey) {
        claims.rulesFor(costYear);
        return once("claims.attest", new Step(costYear, remark), idempotencyKey, () -> {
            ClaimSubmission latest = latest(costYear);
            require(costYear, latest.claimState(), Set.of(ClaimState.SUBMITTED), "attested");
            notTheSigner(latest, "attest");
            latest.state = ClaimSubmission.State.ATTESTED;
            latest.attestedAt = clock.instant();
            latest.attestedBy = current.subject();
            latest.attestationRemark = remark;
            audit.record("claim.attest", "cost year " + costYear + " submission " + latest.number);
            return latest;
        });
    }

    public SubmissionView giveBack(int costYear, String reason, Optional<String> idempotencyKey) {
        claims.rulesFor(costYear);
        return once("claims.return", new Step(costYear, reason), idempotencyKey, () -> {
            ClaimSubmission latest = latest(costYear);
            require(costYear, latest.claimState(), Set.of(ClaimState.SUBMITTED, ClaimState.ATTESTED), "returned");
            notTheSigner(latest, "return");
            return openAgain(latest, ClaimSubmission.State.RETURNED, reason, "claim.return");
        });
    }

    public SubmissionView reopen(int costYear, String reason, Optional<String> idempotencyKey) {
        claims.rulesFor(costYear);
        return once("claims.reopen", new Step(costYear, reason), idempotencyKey, () -> {
            ClaimSubmission latest = latest(costYear);
            if (latest.claimState() == ClaimState.ATTESTED) {
                throw new ProblemException(
                        ProblemType.CLAIM_STATE,
                        "the claim for the costs of " + costYear + " is ATTESTED: only the auditor's return reopens"
                                + " it now");
            }
            require(costYear, latest.claimState(), Set.of(ClaimState.SUBMITTED), "reopened");
            return openAgain(latest, ClaimSubmission.State.REOPENED, reason, "claim.reopen");
        });
    }

    /** Every submission of the year with its snapshot text, the latest first; a read of recipient-level data. */
    public List<SubmissionView> list(int costYear) {
        claims.rulesFor(costYear);
        String code = current.require().code();
        List<SubmissionView> all = submissions.all(costYear).stream()
                .map(s -> SubmissionView.of(s, code, true))
                .toList();
        audit.recordRead("claim.submissions.read", "cost year " + costYear);
        return all;
    }

    /**
     * Where the claim of every cost year that was ever submitted stands: its latest submission
     * (state, hash, who signed when, attestation or return), the latest year first. No snapshot
     * text and no figures, so nothing recipient-level is read.
     */
    public List<SubmissionView> latestOfEachYear() {
        String code = current.require().code();
        return submissions.latestOfEachYear().stream()
                .map(s -> SubmissionView.of(s, code, false))
                .toList();
    }

    private interface StepWork {
        ClaimSubmission run();
    }

    /** Runs a step once per Idempotency-Key, under the cost year's lock. */
    private SubmissionView once(String operation, Step step, Optional<String> key, StepWork work) {
        if (key.isPresent()) {
            Optional<SubmissionView> earlier =
                    idempotency.earlierResponse(operation, key.get(), step, SubmissionView.class);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        closedYears.lock(step.costYear());
        SubmissionView view = SubmissionView.of(work.run(), current.require().code(), false);
        key.ifPresent(k -> idempotency.remember(operation, k, step, view));
        return view;
    }

    /** A claim is signed under the circular of its grant year: never on a projected value. */
    private static void refuseProjected(ClaimFigures figures) {
        List<String> projected = figures.projectedValuesReliedOn();
        if (!projected.isEmpty()) {
            throw new ProblemException(
                    ProblemType.RULES_PROJECTED,
                    "the claim for the costs of " + figures.costYear() + " relies on values of grant year "
                            + figures.grantYear() + " that are projected, not published: "
                            + String.join(", ", projected) + ". A claim is signed under the circular IS-4/"
                            + figures.grantYear() + ", so add those values to the rule book first");
        }
    }

    /**
     * A grant the rules cannot compute would be signed as if it were nothing: the claim waits for
     * the missing values (an operator adds them to the rule book) instead.
     */
    private static void refuseIncomplete(ClaimFigures figures) {
        long unknown = figures.totals().incompleteRecipients();
        if (unknown > 0) {
            throw new ProblemException(
                    ProblemType.RULES_INCOMPLETE,
                    "the grant of " + unknown + " recipient(s) of the claim for the costs of " + figures.costYear()
                            + " cannot be computed: grant year " + figures.grantYear() + " lacks "
                            + String.join(", ", figures.rules().missingParameters())
                            + ". Add the circular's values to the rule book first");
        }
    }

    private ClaimSubmission latest(int costYear) {
        return submissions
                .latest(costYear)
                .orElseThrow(() -> new ProblemException(
                        ProblemType.CLAIM_STATE,
                        "the claim for the costs of " + costYear + " is OPEN: it has never been submitted"));
    }

    private static void require(int costYear, ClaimState state, Set<ClaimState> allowed, String what) {
        if (!allowed.contains(state)) {
            throw new ProblemException(
                    ProblemType.CLAIM_STATE,
                    "the claim for the costs of " + costYear + " is " + state + ": it can be " + what + " only when "
                            + String.join(
                                    " or ",
                                    allowed.stream().map(Enum::name).sorted().toList()));
        }
    }

    /** Four eyes: the auditor who attests or returns a claim is not the person who signed it. */
    private void notTheSigner(ClaimSubmission submission, String step) {
        if (submission.submittedBy.equals(current.subject())) {
            throw new ProblemException(
                    ProblemType.FORBIDDEN, "you signed this claim; another person, the auditor, must " + step + " it");
        }
    }

    /** Ends a submission (returned or reopened) with its reason, and opens the cost year again. */
    private ClaimSubmission openAgain(
            ClaimSubmission submission, ClaimSubmission.State state, String reason, String action) {
        submission.state = state;
        submission.endedAt = clock.instant();
        submission.endedBy = current.subject();
        submission.endReason = reason;
        closedYears.reopen(submission.costYear);
        audit.record(action, "cost year " + submission.costYear + " submission " + submission.number);
        return submission;
    }
}
