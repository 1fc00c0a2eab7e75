package no.samkost.cooperation.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.samkost.cooperation.calculation.PlacementStatus;
import no.samkost.tenancy.Cooperation;
import no.samkost.tenancy.MemberDatabaseAccess;

/**
 * {@code placement}: the home's rows, which the host of the service may also read and, for its own
 * steps (confirm, decline, usage), update (policies on {@code host_municipality_id}; a trigger
 * allows each party only its own transitions). Methods named {@code ...AsHost} run as the host, the
 * others in the home's own rows.
 */
@ApplicationScoped
public class PlacementRows {

    private static final String SELECT_WITH_RECIPIENT =
            """
            select id, municipality_id, joint_service_id, recipient_id, recipient_ref, starts_on, ends_on,
                   usage_hours_per_week, status, decline_reason, version
            from placement""";

    private final MemberDatabaseAccess members;

    public PlacementRows(MemberDatabaseAccess members) {
        this.members = members;
    }

    /**
     * Every confirmed placement in the services, without recipients: only these take places, carry
     * usage and are attributed.
     */
    public List<PlacementSlot> slotsAsHost(Cooperation c, String host, List<UUID> serviceIds) {
        if (serviceIds.isEmpty()) {
            return List.of();
        }
        return members.asMember(c, host, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    """
                    select id, municipality_id, joint_service_id, starts_on, ends_on, usage_hours_per_week
                    from placement
                    where host_municipality_id = ? and joint_service_id = any (?) and status = 'CONFIRMED'
                    order by municipality_id, starts_on, id""")) {
                query.setString(1, host);
                query.setArray(2, Rows.uuids(connection, serviceIds));
                return Rows.list(
                        query,
                        rs -> new PlacementSlot(
                                rs.getObject(1, UUID.class),
                                rs.getString(2),
                                rs.getObject(3, UUID.class),
                                rs.getObject(4, LocalDate.class),
                                rs.getObject(5, LocalDate.class),
                                rs.getBigDecimal(6)));
            }
        });
    }

    /** Every home's placements in the service, with their refs: the host's view. */
    public List<PlacementRow> withRecipientsAsHost(Cooperation c, String host, UUID serviceId) {
        return members.asMember(c, host, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    SELECT_WITH_RECIPIENT
                            + " where host_municipality_id = ? and joint_service_id = ? order by municipality_id, starts_on, id")) {
                query.setString(1, host);
                query.setObject(2, serviceId);
                return Rows.list(query, PlacementRows::row);
            }
        });
    }

    /** The home's own placements in the service. */
    public List<PlacementRow> homesOwn(Cooperation c, String home, UUID serviceId) {
        return members.asMember(c, home, connection -> {
            try (PreparedStatement query = connection.prepareStatement(SELECT_WITH_RECIPIENT
                    + " where municipality_id = ? and joint_service_id = ? order by starts_on, id")) {
                query.setString(1, home);
                query.setObject(2, serviceId);
                return Rows.list(query, PlacementRows::row);
            }
        });
    }

    /** One of the home's own placements in the service. */
    public Optional<PlacementRow> homesOwn(Cooperation c, String home, UUID serviceId, UUID placementId) {
        return members.asMember(c, home, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    SELECT_WITH_RECIPIENT + " where municipality_id = ? and joint_service_id = ? and id = ?")) {
                query.setString(1, home);
                query.setObject(2, serviceId);
                query.setObject(3, placementId);
                return Rows.list(query, PlacementRows::row).stream().findFirst();
            }
        });
    }

    /** One placement in the host's service, any home's: what the host's steps start from. */
    public Optional<PlacementRow> oneAsHost(Cooperation c, String host, UUID serviceId, UUID placementId) {
        return members.asMember(c, host, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    SELECT_WITH_RECIPIENT + " where host_municipality_id = ? and joint_service_id = ? and id = ?")) {
                query.setString(1, host);
                query.setObject(2, serviceId);
                query.setObject(3, placementId);
                return Rows.list(query, PlacementRows::row).stream().findFirst();
            }
        });
    }

    /** A request: no usage until the host confirms it. */
    public void insert(Cooperation c, String home, PlacementRow placed, Stamp stamp) {
        members.asMember(c, home, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    """
                    insert into placement (municipality_id, id, host_municipality_id, cooperation_id, joint_service_id,
                                           recipient_id, recipient_ref, starts_on, ends_on, status,
                                           version, created_at, created_by, updated_at, updated_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED', 0, ?, ?, ?, ?)""")) {
                Timestamp at = Timestamp.from(stamp.at());
                insert.setString(1, home);
                insert.setObject(2, placed.id());
                insert.setString(3, c.host());
                insert.setString(4, c.id());
                insert.setObject(5, placed.serviceId());
                insert.setObject(6, placed.recipientId());
                insert.setString(7, placed.recipientRef());
                insert.setObject(8, placed.startsOn());
                insert.setObject(9, placed.endsOn());
                insert.setTimestamp(10, at);
                insert.setString(11, stamp.by());
                insert.setTimestamp(12, at);
                insert.setString(13, stamp.by());
                return insert.executeUpdate();
            }
        });
    }

    /**
     * One step: {@code after}'s dates, usage, status and reason, written as {@code member} (the home,
     * or the host for its own steps), if the row is still at the version before. The database's
     * trigger refuses a change that is not {@code member}'s to make.
     *
     * @return whether the row was at that version
     */
    public boolean update(Cooperation c, String member, PlacementRow after, Stamp stamp) {
        return members.asMember(c, member, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    """
                    update placement set starts_on = ?, ends_on = ?, usage_hours_per_week = ?, status = ?,
                                         decline_reason = ?, version = version + 1, updated_at = ?, updated_by = ?
                    where municipality_id = ? and id = ? and version = ?""")) {
                update.setObject(1, after.startsOn());
                update.setObject(2, after.endsOn());
                update.setBigDecimal(3, after.usageHoursPerWeek());
                update.setString(4, after.status().name());
                update.setString(5, after.declineReason());
                update.setTimestamp(6, Timestamp.from(stamp.at()));
                update.setString(7, stamp.by());
                update.setString(8, after.homeId());
                update.setObject(9, after.id());
                update.setLong(10, after.version() - 1);
                return update.executeUpdate() == 1;
            }
        });
    }

    private static PlacementRow row(ResultSet rs) throws SQLException {
        return new PlacementRow(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class),
                rs.getString(5),
                rs.getObject(6, LocalDate.class),
                rs.getObject(7, LocalDate.class),
                rs.getBigDecimal(8),
                PlacementStatus.valueOf(rs.getString(9)),
                rs.getString(10),
                rs.getLong(11));
    }
}
