package no.samkost.planning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.samkost.audit.AuditTrail;
import no.samkost.planning.calculation.HousingDemand;
import no.samkost.planning.calculation.KeyFigures;
import no.samkost.recipients.UserGroup;
import no.samkost.reimbursement.ClaimService;
import no.samkost.reimbursement.ClaimView;
import no.samkost.reimbursement.RuleBook;
import no.samkost.reimbursement.calculation.ValueStatus;
import no.samkost.tenancy.CurrentMunicipality;
import no.samkost.tenancy.Municipality;

/**
 * The caller's key figures per cost year: one query for every year's recipients (their user
 * group, housing form on 31 December and costs), and each year's claim for the grants (its
 * snapshot once signed), then {@link KeyFigures}.
 */
@ApplicationScoped
@Transactional
public class KeyFiguresService {

    private static final List<String> USER_GROUPS =
            Arrays.stream(UserGroup.values()).map(Enum::name).toList();

    private final EntityManager entityManager;
    private final ClaimService claims;
    private final RuleBook rules;
    private final AuditTrail audit;
    private final CurrentMunicipality current;

    public KeyFiguresService(
            EntityManager entityManager,
            ClaimService claims,
            RuleBook rules,
            AuditTrail audit,
            CurrentMunicipality current) {
        this.entityManager = entityManager;
        this.claims = claims;
        this.rules = rules;
        this.audit = audit;
        this.current = current;
    }

    public KeyFiguresView keyFigures(int from, int to) {
        Municipality municipality = current.require();
        Map<Integer, List<Object[]>> byYear = new HashMap<>();
        for (Object[] row : recipients(municipality.id(), from, to)) {
            byYear.computeIfAbsent(((Number) row[0]).intValue(), y -> new ArrayList<>())
                    .add(row);
        }
        List<KeyFiguresView.Year> years = new ArrayList<>();
        for (int year = from; year <= to; year++) {
            ValueStatus status = null;
            Map<String, BigDecimal> grants = new HashMap<>();
            // Checked first: a claim that throws for want of rules would mark the transaction rollback-only.
            if (rules.forGrantYear(year + 1).isPresent()) {
                ClaimView claim = claims.claim(year, false);
                status = claim.rules().status();
                claim.recipients().forEach(l -> grants.put(l.ref(), l.grant()));
            }
            List<KeyFigures.Line> lines = new ArrayList<>();
            for (Object[] row : byYear.getOrDefault(year, List.of())) {
                lines.add(new KeyFigures.Line(
                        (String) row[2],
                        row[4] == null ? HousingDemand.UNKNOWN : row[4].toString(),
                        ((BigDecimal) row[3]).setScale(2),
                        grants.get((String) row[1])));
            }
            Long population = municipality.populationIn(year).orElse(null);
            KeyFigures.Figures f = KeyFigures.of(lines, USER_GROUPS, population);
            years.add(new KeyFiguresView.Year(
                    year,
                    year + 1,
                    status,
                    f.recipients(),
                    f.byUserGroup(),
                    f.byHousingForm(),
                    f.costs(),
                    f.recipientsWithUnknownGrant(),
                    f.grant(),
                    f.netCost(),
                    f.netCostPerRecipientMean(),
                    f.netCostPerRecipientMedian(),
                    population,
                    f.netCostPerInhabitant(),
                    f.grantShareOfCosts()));
        }
        audit.recordRead("planning.key-figures.read", "cost years " + from + "-" + to);
        return new KeyFiguresView(municipality.code(), from, to, years);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> recipients(String municipality, int from, int to) {
        return entityManager
                .createNativeQuery(
                        """
                        select t.year, r.ref, r.user_group, t.direct_wage_costs,
                               %s
                        from cost_year_total t
                        join recipient r on r.municipality_id = t.municipality_id and r.id = t.recipient_id
                        where t.municipality_id = :m and t.year between :from and :to"""
                                .formatted(HousingSql.formOn("make_date(t.year, 12, 31)")))
                .setParameter("m", municipality)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
    }
}
