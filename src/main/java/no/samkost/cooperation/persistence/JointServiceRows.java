package no.samkost.cooperation.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.samkost.cooperation.calculation.JointServiceKind;
import no.samkost.tenancy.Cooperation;
import no.samkost.tenancy.MemberDatabaseAccess;

/** {@code joint_service}: the host's rows. Every method takes the host it reads in. */
@ApplicationScoped
public class JointServiceRows {

    private static final String SELECT =
            "select id, municipality_id, cooperation_id, name, kind, capacity, version from joint_service";

    private final MemberDatabaseAccess members;

    public JointServiceRows(MemberDatabaseAccess members) {
        this.members = members;
    }

    /** Every joint service of the cooperation, by name. */
    public List<ServiceRow> all(Cooperation c, String host) {
        return members.asMember(c, host, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    SELECT + " where municipality_id = ? and cooperation_id = ? order by name")) {
                query.setString(1, host);
                query.setString(2, c.id());
                return Rows.list(query, JointServiceRows::row);
            }
        });
    }

    public Optional<ServiceRow> find(Cooperation c, String host, UUID serviceId) {
        return one(c, host, serviceId, "");
    }

    /**
     * The service, locked until the transaction ends: placements, capacity changes, costs and
     * attribution of one service happen one at a time.
     */
    public Optional<ServiceRow> lock(Cooperation c, String host, UUID serviceId) {
        return one(c, host, serviceId, " for no key update");
    }

    private Optional<ServiceRow> one(Cooperation c, String host, UUID serviceId, String lock) {
        return members.asMember(c, host, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    SELECT + " where municipality_id = ? and cooperation_id = ? and id = ?" + lock)) {
                query.setString(1, host);
                query.setString(2, c.id());
                query.setObject(3, serviceId);
                return Rows.list(query, JointServiceRows::row).stream().findFirst();
            }
        });
    }

    /** The service of that name in the cooperation, if any. */
    public Optional<UUID> idByName(Cooperation c, String host, String name) {
        return members.asMember(c, host, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select id from joint_service where municipality_id = ? and cooperation_id = ? and name = ?")) {
                query.setString(1, host);
                query.setString(2, c.id());
                query.setString(3, name);
                return Rows.list(query, rs -> rs.getObject(1, UUID.class)).stream()
                        .findFirst();
            }
        });
    }

    public void insert(Cooperation c, String host, ServiceRow service, Stamp stamp) {
        members.asMember(c, host, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    """
                    insert into joint_service (municipality_id, id, cooperation_id, name, kind, capacity, version,
                                               created_at, created_by, updated_at, updated_by)
                    values (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)""")) {
                Timestamp at = Timestamp.from(stamp.at());
                insert.setString(1, host);
                insert.setObject(2, service.id());
                insert.setString(3, c.id());
                insert.setString(4, service.name());
                insert.setString(5, service.kind().name());
                insert.setInt(6, service.capacity());
                insert.setTimestamp(7, at);
                insert.setString(8, stamp.by());
                insert.setTimestamp(9, at);
                insert.setString(10, stamp.by());
                return insert.executeUpdate();
            }
        });
    }

    /** Name, kind and capacity of {@code service.id()}; the version goes up by one. */
    public void update(Cooperation c, String host, ServiceRow service, Stamp stamp) {
        members.asMember(c, host, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    """
                    update joint_service set name = ?, kind = ?, capacity = ?, version = version + 1,
                                             updated_at = ?, updated_by = ?
                    where municipality_id = ? and id = ?""")) {
                update.setString(1, service.name());
                update.setString(2, service.kind().name());
                update.setInt(3, service.capacity());
                update.setTimestamp(4, Timestamp.from(stamp.at()));
                update.setString(5, stamp.by());
                update.setString(6, host);
                update.setObject(7, service.id());
                return update.executeUpdate();
            }
        });
    }

    private static ServiceRow row(ResultSet rs) throws SQLException {
        return new ServiceRow(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                JointServiceKind.valueOf(rs.getString(5)),
                rs.getInt(6),
                rs.getLong(7));
    }
}
