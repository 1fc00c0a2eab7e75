package no.samkost.cooperation.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.UUID;
import no.samkost.tenancy.Cooperation;
import no.samkost.tenancy.MemberDatabaseAccess;

/** {@code audit_entry} in another member's rows: what the cooperation did there. */
@ApplicationScoped
public class AuditEntryRows {

    private final MemberDatabaseAccess members;

    public AuditEntryRows(MemberDatabaseAccess members) {
        this.members = members;
    }

    public void insert(Cooperation c, String member, String action, String resource, Stamp stamp) {
        members.asMember(c, member, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into audit_entry (municipality_id, id, at, actor, action, resource) values (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, member);
                insert.setObject(2, UUID.randomUUID());
                insert.setTimestamp(3, Timestamp.from(stamp.at()));
                insert.setString(4, stamp.by());
                insert.setString(5, action);
                insert.setString(6, resource);
                return insert.executeUpdate();
            }
        });
    }
}
