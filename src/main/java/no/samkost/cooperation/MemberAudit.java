package no.samkost.cooperation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import no.samkost.tenancy.Cooperation;
import no.samkost.tenancy.MemberDatabaseAccess;

/**
 * An entry in another member's audit trail, for what the cooperation did with that member's rows
 * (attribution into its ledger, the host reading its placements, its figures in the pooled ones).
 * The actor is the cooperation, not the person: another municipality's staff ids stay where they
 * work; the caller's own trail names the person.
 */
@ApplicationScoped
public class MemberAudit {

    private final MemberDatabaseAccess members;
    private final Clock clock;

    public MemberAudit(MemberDatabaseAccess members, Clock clock) {
        this.members = members;
        this.clock = clock;
    }

    public static String actor(Cooperation c) {
        return "cooperation:" + c.id();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Cooperation c, String member, String action, String resource) {
        members.asMember(c, member, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into audit_entry (municipality_id, id, at, actor, action, resource) values (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, member);
                insert.setObject(2, UUID.randomUUID());
                insert.setTimestamp(3, Timestamp.from(clock.instant()));
                insert.setString(4, actor(c));
                insert.setString(5, action);
                insert.setString(6, resource);
                insert.executeUpdate();
            }
            return null;
        });
    }
}
