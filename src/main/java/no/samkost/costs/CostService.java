package no.samkost.costs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import no.samkost.audit.AuditTrail;
import no.samkost.common.IdempotentRequests;
import no.samkost.common.Page;
import no.samkost.common.Problem;
import no.samkost.common.ProblemException;
import no.samkost.common.ProblemType;
import no.samkost.costs.CostDtos.CostLineView;
import no.samkost.costs.CostDtos.MonthCosts;
import no.samkost.costs.CostDtos.MonthlyCosts;
import no.samkost.costs.CostDtos.NewCostLine;
import no.samkost.recipients.RecipientDirectory;
import no.samkost.tenancy.CurrentMunicipality;

/** The caller's cost ledger: append one line, read lines. */
@ApplicationScoped
@Transactional
public class CostService {

    private static final String ADD = "costs.add";

    private final EntityManager entityManager;
    private final RecipientDirectory recipients;
    private final IdempotentRequests idempotency;
    private final AuditTrail audit;
    private final CurrentMunicipality current;
    private final Clock clock;
    private final ClosedYears closedYears;

    public CostService(
            EntityManager entityManager,
            RecipientDirectory recipients,
            IdempotentRequests idempotency,
            AuditTrail audit,
            CurrentMunicipality current,
            Clock clock,
            ClosedYears closedYears) {
        this.closedYears = closedYears;
        this.entityManager = entityManager;
        this.recipients = recipients;
        this.idempotency = idempotency;
        this.audit = audit;
        this.current = current;
        this.clock = clock;
    }

    public record Added(CostLineView line, boolean replayed) {}

    public Added add(NewCostLine request, Optional<String> idempotencyKey) {
        if (idempotencyKey.isPresent()) {
            Optional<CostLineView> earlier =
                    idempotency.earlierResponse(ADD, idempotencyKey.get(), request, CostLineView.class);
            if (earlier.isPresent()) {
                audit.record("cost.add.replayed", request.recipientRef());
                return new Added(earlier.get(), true);
            }
        }
        CostLineRules.Checked checked = CostLineRules.check(
                request.recipientRef(),
                request.period(),
                request.category().name(),
                request.amount().toPlainString(),
                request.note(),
                latestYear());
        if (!checked.valid()) {
            List<Problem.Violation> errors = checked.issues().stream()
                    .map(i -> Problem.Violation.field(i.field(), i.message()))
                    .toList();
            throw new ProblemException(ProblemType.VALIDATION, describe(errors), errors);
        }
        CostLineRules.ValidLine valid = checked.line();
        closedYears.requireOpen(valid.period().getYear());
        UUID recipientId = recipients
                .idOf(valid.recipientRef())
                .orElseThrow(() -> new ProblemException(
                        ProblemType.UNKNOWN_REFERENCE,
                        "no recipient '" + valid.recipientRef() + "' in your municipality",
                        List.of(Problem.Violation.field("recipientRef", "no such recipient in your municipality"))));
        CostLine line = new CostLine(recipientId, valid, clock.instant(), current.subject());
        entityManager.persist(line);
        entityManager.flush();
        CostLineView view = view(line, valid.recipientRef());
        idempotencyKey.ifPresent(key -> idempotency.remember(ADD, key, request, view));
        audit.record("cost.add", valid.recipientRef() + " " + valid.period());
        return new Added(view, false);
    }

    public CostLineView get(UUID id) {
        List<Object[]> rows = entityManager
                .createQuery(
                        "select c, r.ref from CostLine c, Recipient r where r.id = c.recipientId and c.lineId = :id",
                        Object[].class)
                .setParameter("id", id)
                .getResultList();
        if (rows.isEmpty()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "no cost line " + id + " in your municipality");
        }
        audit.recordRead("cost.read", "line " + id);
        return view((CostLine) rows.get(0)[0], (String) rows.get(0)[1]);
    }

    /** The year's sums per month and category, one grouped query over the municipality's lines. */
    public MonthlyCosts monthly(int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        List<Object[]> sums = entityManager
                .createQuery(
                        "select c.period, c.category, sum(c.amount) from CostLine c"
                                + " where c.period >= :from and c.period < :to group by c.period, c.category",
                        Object[].class)
                .setParameter("from", from)
                .setParameter("to", from.plusYears(1))
                .getResultList();
        Map<YearMonth, Map<CostCategory, BigDecimal>> byMonth = new TreeMap<>();
        for (int m = 1; m <= 12; m++) {
            Map<CostCategory, BigDecimal> zero = new EnumMap<>(CostCategory.class);
            for (CostCategory category : CostCategory.values()) {
                zero.put(category, BigDecimal.ZERO.setScale(2));
            }
            byMonth.put(YearMonth.of(year, m), zero);
        }
        Map<CostCategory, BigDecimal> yearTotals = new EnumMap<>(CostCategory.class);
        for (CostCategory category : CostCategory.values()) {
            yearTotals.put(category, BigDecimal.ZERO.setScale(2));
        }
        for (Object[] row : sums) {
            CostCategory category = (CostCategory) row[1];
            BigDecimal sum = ((BigDecimal) row[2]).setScale(2);
            byMonth.get(YearMonth.from((LocalDate) row[0])).put(category, sum);
            yearTotals.merge(category, sum, BigDecimal::add);
        }
        audit.recordRead("cost.monthly", "year " + year);
        return new MonthlyCosts(
                year,
                byMonth.entrySet().stream()
                        .map(e -> new MonthCosts(e.getKey().toString(), e.getValue()))
                        .toList(),
                yearTotals);
    }

    /** Lines in ledger order (period, then the order they were written), optionally of one year or recipient. */
    public Page<CostLineView> list(Integer year, String recipientRef, int page, int size) {
        StringBuilder where = new StringBuilder("r.id = c.recipientId");
        if (year != null) {
            where.append(" and c.period >= :from and c.period < :to");
        }
        if (recipientRef != null) {
            where.append(" and r.ref = :ref");
        }
        TypedQuery<Object[]> lines = entityManager.createQuery(
                "select c, r.ref from CostLine c, Recipient r where " + where + " order by c.period, c.id",
                Object[].class);
        TypedQuery<Long> count =
                entityManager.createQuery("select count(c) from CostLine c, Recipient r where " + where, Long.class);
        if (year != null) {
            LocalDate from = LocalDate.of(year, 1, 1);
            for (TypedQuery<?> q : List.of(lines, count)) {
                q.setParameter("from", from).setParameter("to", from.plusYears(1));
            }
        }
        if (recipientRef != null) {
            lines.setParameter("ref", recipientRef);
            count.setParameter("ref", recipientRef);
        }
        List<CostLineView> items = lines.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(row -> view((CostLine) row[0], (String) row[1]))
                .toList();
        audit.recordRead("cost.list", "year " + year + " recipient " + recipientRef + " page " + page);
        return Page.of(items, page, size, count.getSingleResult());
    }

    int latestYear() {
        return Year.now(clock).getValue() + 1;
    }

    static CostLineView view(CostLine line, String recipientRef) {
        return new CostLineView(
                line.lineId,
                recipientRef,
                YearMonth.from(line.period).toString(),
                line.category,
                line.amount,
                line.note,
                line.importId,
                line.createdAt,
                line.createdBy);
    }

    static String describe(List<Problem.Violation> errors) {
        return String.join(
                "; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
    }
}
