package no.samkost.cooperation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.samkost.cooperation.persistence.AuditEntryRows;
import no.samkost.tenancy.Cooperation;

/**
 * An entry in another member's audit trail, for what the cooperation did with that member's rows
 * (attribution into its ledger, the host reading its placements, its figures in the pooled ones).
 * The actor is the cooperation, not the person: another municipality's staff ids stay where they
 * work; the caller's own trail names the person.
 */
@ApplicationScoped
public class MemberAudit {

    private final AuditEntryRows entries;
    private final Stamps stamps;

    public MemberAudit(AuditEntryRows entries, Stamps stamps) {
        this.entries = entries;
        this.stamps = stamps;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Cooperation c, String member, String action, String resource) {
        entries.insert(c, member, action, resource, stamps.byCooperation(c));
    }
}
