package no.samkost.cooperation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
import no.samkost.cooperation.CooperationDtos.JointCostCategory;
import no.samkost.cooperation.CooperationDtos.JointCostView;
import no.samkost.cooperation.CooperationDtos.NewJointCost;
import no.samkost.cooperation.JointServices.ServiceRow;
import no.samkost.costs.CostLineRules;
import no.samkost.tenancy.Cooperation;
import no.samkost.tenancy.CurrentMunicipality;
import no.samkost.tenancy.MemberDatabaseAccess;

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
    private final MemberDatabaseAccess members;
    private final IdempotentRequests idempotency;
    private final AuditTrail audit;
    private final CurrentMunicipality current;
    private final Clock clock;

    public JointCosts(
            Cooperations cooperations,
            JointServices services,
            Attributions attributions,
            MemberDatabaseAccess members,
            IdempotentRequests idempotency,
            AuditTrail audit,
            CurrentMunicipality current,
            Clock clock) {
        this.cooperations = cooperations;
        this.services = services;
        this.attributions = attributions;
        this.members = members;
        this.idempotency = idempotency;
        this.audit = audit;
        this.current = current;
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
            BigDecimal monthTotal =
                    monthTotal(c, serviceId, period, request.category()).add(amount);
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
        Instant now = clock.instant();
        long id = members.asMember(c, c.host(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    """
                    insert into joint_cost (municipality_id, joint_service_id, period, category, amount, note,
                                            created_at, created_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")) {
                insert.setString(1, c.host());
                insert.setObject(2, serviceId);
                insert.setObject(3, period.atDay(1));
                insert.setString(4, request.category().name());
                insert.setBigDecimal(5, amount);
                insert.setString(6, note);
                insert.setTimestamp(7, Timestamp.from(now));
                insert.setString(8, current.subject());
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        if (request.category() == JointCostCategory.DIRECT_WAGES) {
            attributions.reattribute(c, service, List.of(period));
        }
        JointCostView view = new JointCostView(
                id, serviceId, period.toString(), request.category(), amount, note, now, current.subject());
        idempotencyKey.ifPresent(key -> idempotency.remember(ADD + ":" + c.id() + ":" + serviceId, key, request, view));
        audit.record(ADD, "joint service " + serviceId + " " + period + " " + request.category());
        return new Added(view, false);
    }

    private BigDecimal monthTotal(Cooperation c, UUID serviceId, YearMonth period, JointCostCategory category) {
        return members.asMember(c, c.host(), connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    """
                    select coalesce(sum(amount), 0) from joint_cost
                    where municipality_id = ? and joint_service_id = ? and period = ? and category = ?""")) {
                query.setString(1, c.host());
                query.setObject(2, serviceId);
                query.setObject(3, period.atDay(1));
                query.setString(4, category.name());
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    return rs.getBigDecimal(1);
                }
            }
        });
    }

    /** The service's cost lines, optionally of one year, in period order. */
    public List<JointCostView> list(String cooperationId, UUID serviceId, Integer year) {
        Cooperation c = cooperations.require(cooperationId);
        services.get(cooperationId, serviceId);
        boolean host = cooperations.callerHosts(c);
        String hostCode = cooperations.codeOf(c.host());
        return members.asMember(c, c.host(), connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    """
                    select id, period, category, amount, note, created_at, created_by from joint_cost
                    where municipality_id = ? and joint_service_id = ?
                      and (?::integer is null or (period >= make_date(?::integer, 1, 1)
                                                  and period < make_date(?::integer + 1, 1, 1)))
                    order by period, id""")) {
                query.setString(1, c.host());
                query.setObject(2, serviceId);
                for (int i = 3; i <= 5; i++) {
                    query.setObject(i, year, java.sql.Types.INTEGER);
                }
                List<JointCostView> lines = new ArrayList<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        lines.add(new JointCostView(
                                rs.getLong(1),
                                serviceId,
                                YearMonth.from(rs.getObject(2, LocalDate.class)).toString(),
                                JointCostCategory.valueOf(rs.getString(3)),
                                rs.getBigDecimal(4),
                                rs.getString(5),
                                rs.getTimestamp(6).toInstant(),
                                // Who at the host wrote it is the host's to know; members see the host.
                                host ? rs.getString(7) : hostCode));
                    }
                }
                return lines;
            }
        });
    }
}
