package no.samkost.cooperation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.samkost.audit.AuditTrail;
import no.samkost.common.IdempotentRequests;
import no.samkost.common.Problem;
import no.samkost.common.ProblemException;
import no.samkost.common.ProblemType;
import no.samkost.cooperation.api.JointCostCategory;
import no.samkost.cooperation.api.JointCostView;
import no.samkost.cooperation.api.NewJointCost;
import no.samkost.cooperation.persistence.JointCostRow;
import no.samkost.cooperation.persistence.JointCostRows;
import no.samkost.cooperation.persistence.ServiceRow;
import no.samkost.cooperation.persistence.Stamp;
import no.samkost.costs.CostLineRules;
import no.samkost.tenancy.Cooperation;

/**
 * A joint service's monthly costs, recorded by the host; append-only like the ledger. A line of
 * direct wages re-attributes its month to the placements at once.
 */
@ApplicationScoped
@Transactional
public class JointCosts {

    private static final String ADD = "joint-cost.add";

    private final Cooperations cooperations;
    private final JointServices services;
    private final Attributions attributions;
    private final JointCostRows rows;
    private final IdempotentRequests idempotency;
    private final AuditTrail audit;
    private final Stamps stamps;
    private final Clock clock;

    public JointCosts(
            Cooperations cooperations,
            JointServices services,
            Attributions attributions,
            JointCostRows rows,
            IdempotentRequests idempotency,
            AuditTrail audit,
            Stamps stamps,
            Clock clock) {
        this.cooperations = cooperations;
        this.services = services;
        this.attributions = attributions;
        this.rows = rows;
        this.idempotency = idempotency;
        this.audit = audit;
        this.stamps = stamps;
        this.clock = clock;
    }

    public record Added(JointCostView cost, boolean replayed) {}

    public Added add(String cooperationId, UUID serviceId, NewJointCost request, Optional<String> idempotencyKey) {
        Cooperation c = cooperations.require(cooperationId);
        cooperations.requireHost(c, "records joint service costs");
        if (idempotencyKey.isPresent()) {
            Optional<JointCostView> earlier = idempotency.earlierResponse(
                    ADD + ":" + c.id() + ":" + serviceId, idempotencyKey.get(), request, JointCostView.class);
            if (earlier.isPresent()) {
                return new Added(earlier.get(), true);
            }
        }
        List<CostLineRules.Issue> issues = new ArrayList<>();
        YearMonth period =
                CostLineRules.parsePeriod(request.period(), Year.now(clock).getValue() + 1, issues);
        BigDecimal amount = CostLineRules.parseAmount(request.amount().toPlainString(), issues);
        String note = CostLineRules.parseNote(request.note(), amount, issues);
        if (!issues.isEmpty()) {
            List<Problem.Violation> errors = issues.stream()
                    .map(i -> Problem.Violation.field(i.field(), i.message()))
                    .toList();
            throw new ProblemException(
                    ProblemType.VALIDATION,
                    issues.stream()
                            .map(i -> i.field() + ": " + i.message())
                            .reduce((a, b) -> a + "; " + b)
                            .get(),
                    errors);
        }
        ServiceRow service = services.lock(c, serviceId);
        if (amount.signum() < 0) {
            BigDecimal monthTotal = rows.monthTotal(c, c.host(), serviceId, period, request.category())
                    .add(amount);
            if (monthTotal.signum() < 0) {
                // A month's wages below zero would lower the homes' claims by a host's mistake.
                String message = "would bring the " + request.category() + " of " + period + " below zero (to "
                        + monthTotal.toPlainString() + ")";
                throw new ProblemException(
                        ProblemType.VALIDATION,
                        "amount: " + message,
                        List.of(Problem.Violation.field("amount", message)));
            }
        }
        Stamp stamp = stamps.byCaller();
        long id = rows.insert(c, c.host(), serviceId, period, request.category(), amount, note, stamp);
        if (request.category() == JointCostCategory.DIRECT_WAGES) {
            attributions.reattribute(c, service, List.of(period));
        }
        JointCostView view = new JointCostView(
                id, serviceId, period.toString(), request.category(), amount, note, stamp.at(), stamp.by());
        idempotencyKey.ifPresent(key -> idempotency.remember(ADD + ":" + c.id() + ":" + serviceId, key, request, view));
        audit.record(ADD, "joint service " + serviceId + " " + period + " " + request.category());
        return new Added(view, false);
    }

    /**
     * The service's cost lines, optionally of one year, in period order. The host sees all; the
     * other members the SHARED lines only (the bill they share, which rests on no recipient): a
     * month's DIRECT_WAGES with a home's own attributed amount would give the month's total weight,
     * and so the other placements' care.
     */
    public List<JointCostView> list(String cooperationId, UUID serviceId, Integer year) {
        Cooperation c = cooperations.require(cooperationId);
        services.find(c, serviceId);
        boolean host = cooperations.callerHosts(c);
        String hostCode = cooperations.codeOf(c.host());
        List<JointCostRow> lines =
                year == null ? rows.lines(c, c.host(), serviceId) : rows.linesOfYear(c, c.host(), serviceId, year);
        return lines.stream()
                .filter(line -> host || line.category() == JointCostCategory.SHARED)
                .map(line -> new JointCostView(
                        // The numbers come from one sequence: their gaps count the host's other entries.
                        host ? line.id() : null,
                        serviceId,
                        line.period().toString(),
                        line.category(),
                        line.amount(),
                        line.note(),
                        line.createdAt(),
                        // Who at the host wrote it is the host's to know; members see the host.
                        host ? line.createdBy() : hostCode))
                .toList();
    }
}
