package no.samkost.cooperation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import no.samkost.audit.AuditTrail;
import no.samkost.cooperation.MemberPlanningYears.Year;
import no.samkost.cooperation.api.CooperationKeyFiguresView;
import no.samkost.cooperation.api.CooperationKeyFiguresYear;
import no.samkost.cooperation.api.KeyFiguresRow;
import no.samkost.cooperation.api.SuppressedCell;
import no.samkost.cooperation.calculation.CountBreakdowns;
import no.samkost.cooperation.calculation.SmallNumbers;
import no.samkost.planning.calculation.KeyFigures;
import no.samkost.reimbursement.RuleBook;
import no.samkost.reimbursement.calculation.GrantRules;
import no.samkost.tenancy.ConsistentSnapshot;
import no.samkost.tenancy.Cooperation;

/**
 * A cooperation's key figures per cost year: each member's, computed in its own rows, and the
 * cooperation's, under the small-number rule for the caller.
 *
 * <p>Each member's recipients are read under that member's binding and computed there into the
 * same key figures as its own ({@link KeyFigures}), with grants from the rule book's rules of the
 * grant year, as the pooled figures compute them. The totals are the key figures of all members'
 * recipients together, so their mean is over the pooled recipients (a mean of means would weigh
 * members wrongly); medians are shown in the viewer's own row only ({@link #MEDIAN_OWN_ONLY}). Rows rest on the member's recipients with costs in the year:
 * {@link SmallNumbers} hides other members' rows and totals, {@link CountBreakdowns} the counts
 * within rows that are shown.
 */
@ApplicationScoped
@Transactional
public class CooperationKeyFigures {

    /** A member's row's fields, all resting on its recipients; its population rests on none. */

    /**
     * The fields that rest on the grant: empty when some recipient's grant is unknown, so shown
     * empty or as a number they would tell whether the hidden count of unknown grants is 0.
     */
    static final List<String> GRANT_FIELDS = List.of(
            "grant",
            "netCost",
            "netCostPerRecipientMean",
            "netCostPerRecipientMedian",
            "netCostPerInhabitant",
            "grantShareOfCosts");

    /** A member's row's fields, all resting on its recipients; its population rests on none. */
    static final List<String> ROW_FIELDS = Stream.concat(
                    Stream.of("recipients", "byUserGroup", "byHousingForm", "costs", "recipientsWithUnknownGrant"),
                    GRANT_FIELDS.stream())
            .toList();

    private final ConsistentSnapshot snapshot;
    private final Cooperations cooperations;
    private final MemberPlanningYears years;
    private final RuleBook rules;
    private final AuditTrail audit;

    public CooperationKeyFigures(
            ConsistentSnapshot snapshot,
            Cooperations cooperations,
            MemberPlanningYears years,
            RuleBook rules,
            AuditTrail audit) {
        this.snapshot = snapshot;
        this.cooperations = cooperations;
        this.years = years;
        this.rules = rules;
        this.audit = audit;
    }

    public CooperationKeyFiguresView keyFigures(String cooperationId, int from, int to) {
        Cooperation c = cooperations.require(cooperationId);
        snapshot.begin();
        int k = cooperations.agreement(c).minimumCellSize();
        var byMember = years.read(c, from, to, "key figures");
        List<CooperationKeyFiguresYear> shown = new ArrayList<>();
        for (int costYear = from; costYear <= to; costYear++) {
            shown.add(shown(
                    years.year(c, costYear, rules.forGrantYear(costYear + 1), byMember),
                    k,
                    cooperations.caller().code()));
        }
        audit.recordRead("cooperation.key-figures.read", c.id() + " cost years " + from + "-" + to);
        return new CooperationKeyFiguresView(
                c.id(),
                from,
                to,
                k,
                shown,
                List.of("each member's figures are computed in its own ledger with the rule book's rules of grant year"
                        + " costYear + 1, as the pooled figures are; a signed claim's snapshot may differ if the rules"
                        + " changed after it was signed"));
    }

    /**
     * A median is one recipient's net cost (of two in the middle, their mean), however many it is
     * taken over; and a viewer who adds recipients of its own moves the pooled median onto each of
     * the others' values in turn. So a median is shown in the viewer's own row only.
     */
    static final String MEDIAN = "netCostPerRecipientMedian";

    static final String MEDIAN_OWN_ONLY =
            "a median is one recipient's net cost, and the viewer's own recipients move a pooled one: shown for"
                    + " a member's own row only";

    private static CooperationKeyFiguresYear shown(Year year, int k, String viewer) {
        List<SuppressedCell> suppressed = new ArrayList<>();
        List<KeyFiguresRow> members = year.members().stream()
                .map(m -> row(m.municipality().code(), m.population(), m.figures(), year, k, viewer, suppressed))
                .toList();
        KeyFiguresRow totals = row(null, year.population(), year.totals(), year, k, viewer, suppressed);
        return new CooperationKeyFiguresYear(
                year.costYear(),
                year.costYear() + 1,
                year.rules().map(GrantRules::status).orElse(null),
                members,
                totals,
                suppressed);
    }

    /** A member's row ({@code code} null: the totals) as the caller may see it; what is hidden goes into suppressed. */
    private static KeyFiguresRow row(
            String code,
            Long population,
            KeyFigures.Figures f,
            Year year,
            int k,
            String viewer,
            List<SuppressedCell> suppressed) {
        boolean whole = code == null
                ? year.rows().totalsHidden()
                : year.rows().hiddenRows().contains(code);
        Optional<String> grantsHidden = MemberPlanningYears.grantsHidden(year, code);
        Map<String, Boolean> hidden = new LinkedHashMap<>();
        for (String field : ROW_FIELDS) {
            CountBreakdowns.Hidden counts = year.counts().get(field);
            boolean countHidden = counts != null && (code == null ? counts.total() : counts.hides(code));
            boolean grantHidden = grantsHidden.isPresent() && GRANT_FIELDS.contains(field);
            boolean othersMedian = field.equals(MEDIAN) && !viewer.equals(code);
            hidden.put(field, whole || countHidden || grantHidden || othersMedian);
            if (whole || countHidden) {
                suppressed.add(new SuppressedCell(
                        code, code == null ? "totals." + field : field, MemberPlanningYears.reason(code, whole, k)));
            } else if (grantHidden) {
                suppressed.add(new SuppressedCell(code, code == null ? "totals." + field : field, grantsHidden.get()));
            } else if (othersMedian) {
                suppressed.add(new SuppressedCell(code, code == null ? "totals." + field : field, MEDIAN_OWN_ONLY));
            }
        }
        return new KeyFiguresRow(
                code,
                population,
                shown(hidden, "recipients", f.recipients()),
                shown(hidden, "byUserGroup", f.byUserGroup()),
                shown(hidden, "byHousingForm", f.byHousingForm()),
                shown(hidden, "costs", f.costs()),
                shown(hidden, "recipientsWithUnknownGrant", f.recipientsWithUnknownGrant()),
                shown(hidden, "grant", f.grant()),
                shown(hidden, "netCost", f.netCost()),
                shown(hidden, "netCostPerRecipientMean", f.netCostPerRecipientMean()),
                shown(hidden, "netCostPerRecipientMedian", f.netCostPerRecipientMedian()),
                shown(hidden, "netCostPerInhabitant", f.netCostPerInhabitant()),
                shown(hidden, "grantShareOfCosts", f.grantShareOfCosts()));
    }

    private static <T> T shown(Map<String, Boolean> hidden, String field, T value) {
        return hidden.get(field) ? null : value;
    }
}
