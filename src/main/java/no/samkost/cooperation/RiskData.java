package no.samkost.cooperation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import no.samkost.audit.AuditTrail;
import no.samkost.cooperation.calculation.JointServiceKind;
import no.samkost.cooperation.persistence.JointServiceRows;
import no.samkost.cooperation.persistence.RiskInputRows;
import no.samkost.cooperation.persistence.ServiceRow;
import no.samkost.planning.calculation.MemberHistory;
import no.samkost.tenancy.ConsistentSnapshot;
import no.samkost.tenancy.Cooperation;
import no.samkost.tenancy.Municipality;

/**
 * The risk simulation's inputs, read in one snapshot: the joint service's capacity in the host's
 * rows, and each member's cost years and register in its own rows, turned into that member's
 * inputs ({@link MemberHistory}) before anything leaves. Reading another member's rows is recorded
 * in that member's audit trail; the read as a whole in the caller's.
 */
@ApplicationScoped
class RiskData {

    /**
     * The unit capacity without a shared home in the cooperation: a group home of four, the size
     * DOMAIN.md gives as the example of a joint service.
     */
    static final int DEFAULT_UNIT_CAPACITY = 4;

    /**
     * One member's inputs.
     *
     * @param recipientsInHistory recipients with costs in the history years: what the member's
     *     figures rest on for the small-number rule (the register's youths bring no cost of their
     *     own, so they make no recipient's cost harder to tell)
     */
    record MemberData(Municipality municipality, MemberHistory.Derived derived, int recipientsInHistory) {}

    record Read(List<MemberData> members, int unitCapacity, String unitCapacityFrom) {}

    private final ConsistentSnapshot snapshot;
    private final Cooperations cooperations;
    private final JointServiceRows services;
    private final RiskInputRows rows;
    private final MemberAudit memberAudit;
    private final AuditTrail audit;

    RiskData(
            ConsistentSnapshot snapshot,
            Cooperations cooperations,
            JointServiceRows services,
            RiskInputRows rows,
            MemberAudit memberAudit,
            AuditTrail audit) {
        this.snapshot = snapshot;
        this.cooperations = cooperations;
        this.services = services;
        this.rows = rows;
        this.memberAudit = memberAudit;
        this.audit = audit;
    }

    @Transactional
    Read read(Cooperation c, int from, int years, int historyYears, BigDecimal exitProbability) {
        snapshot.begin();
        int firstYear = from - historyYears;
        int lastYear = from - 1;
        List<MemberData> members = c.members().stream()
                .sorted(Comparator.comparing(cooperations::codeOf))
                .map(member -> member(c, member, from, years, firstYear, lastYear, exitProbability))
                .toList();
        // The largest shared home is the unit the cooperation already runs; a day service or relief
        // care is not a home whose staffing steps with its residents.
        ServiceRow home = services.all(c, c.host()).stream()
                .filter(s -> s.kind() == JointServiceKind.SHARED_HOME)
                .max(Comparator.comparingInt(ServiceRow::capacity).thenComparing(ServiceRow::name))
                .orElse(null);
        audit.recordRead(
                "cooperation.risk.read",
                c.id() + " from " + from + ", " + years + " years, history " + firstYear + "-" + lastYear);
        return home == null
                ? new Read(
                        members,
                        DEFAULT_UNIT_CAPACITY,
                        "no shared home in the cooperation: a home of " + DEFAULT_UNIT_CAPACITY + " (the default)")
                : new Read(
                        members,
                        home.capacity(),
                        "the capacity of the cooperation's largest shared home, '" + home.name() + "'");
    }

    private MemberData member(
            Cooperation c,
            String member,
            int from,
            int years,
            int firstYear,
            int lastYear,
            BigDecimal exitProbability) {
        List<MemberHistory.RecipientYear> history = rows.recipientYears(c, member, firstYear, lastYear);
        int recipients = rows.recipientsWithCosts(c, member, firstYear, lastYear);
        List<Integer> moveOuts = rows.activeMoveOutYears(c, member);
        MemberHistory.Derived derived = MemberHistory.derive(from, years, history, moveOuts, exitProbability);
        if (!member.equals(cooperations.caller().id()) && (recipients > 0 || !moveOuts.isEmpty())) {
            memberAudit.record(
                    c,
                    member,
                    "cooperation.risk.read",
                    "annual costs of " + recipients + " recipients in " + firstYear + "-" + lastYear + " and "
                            + moveOuts.size() + " register entries, as distributions for the risk simulation of"
                            + " cooperation " + c.id() + " at the request of "
                            + cooperations.caller().code());
        }
        return new MemberData(cooperations.municipality(member), derived, recipients);
    }
}
