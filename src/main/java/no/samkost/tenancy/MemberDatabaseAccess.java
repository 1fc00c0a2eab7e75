package no.samkost.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.hibernate.FlushMode;
import org.hibernate.Session;

/**
 * The cooperation's one way through the database wall: work done inside another member's wall,
 * on the caller's own transaction, for a cooperation both belong to.
 *
 * <p>A joint service's placements, costs and attribution touch several members' rows (the host's
 * service, each home's ledger), and the pooled figures need each member's claim for its placed
 * recipients. Row-level security still decides every statement: this rebinds the transaction to
 * one member at a time, so each statement sees exactly one municipality, and binds it back to the
 * caller (or the enclosing call's member) afterwards, also on failure. One transaction throughout, so an attribution that writes to
 * three homes' ledgers commits in all of them or in none.
 *
 * <p>Only plain JDBC runs inside: Hibernate's pending writes are flushed first (they belong to the
 * caller), and its tenant filter would not match the other member anyway. What the work returns
 * is the cooperation module's responsibility: aggregates, and a placement's ref to its host only.
 */
@ApplicationScoped
public class MemberDatabaseAccess {

    /** Work on the transaction's connection while it is bound to one member. */
    @FunctionalInterface
    public interface MemberWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final EntityManager entityManager;
    private final CurrentMunicipality current;
    private final MunicipalityRegistry registry;

    public MemberDatabaseAccess(
            EntityManager entityManager, CurrentMunicipality current, MunicipalityRegistry registry) {
        this.entityManager = entityManager;
        this.current = current;
        this.registry = registry;
    }

    /**
     * @param member tenant id of a member of {@code cooperation}
     * @throws IllegalStateException if the caller or {@code member} is not a member: a programming
     *     error, since the path guard refuses non-members before this
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> T asMember(Cooperation cooperation, String member, MemberWork<T> work) {
        Municipality caller = current.require();
        if (!cooperation.hasMember(caller.id()) || !cooperation.hasMember(member)) {
            throw new IllegalStateException(
                    caller.id() + " may not act in " + member + "'s rows for " + cooperation.id());
        }
        registry.byId(member).orElseThrow(() -> new IllegalStateException("unknown member " + member));
        entityManager.flush();
        Session session = entityManager.unwrap(Session.class);
        // Nothing of Hibernate's may reach the database while another member is bound.
        FlushMode flushMode = session.getHibernateFlushMode();
        session.setHibernateFlushMode(FlushMode.MANUAL);
        try {
            return session.doReturningWork(connection -> {
                String previous = bound(connection);
                if (member.equals(previous)) {
                    return work.run(connection);
                }
                bind(connection, member);
                T result;
                try {
                    result = work.run(connection);
                } catch (SQLException | RuntimeException e) {
                    // The transaction is lost anyway (and the binding with it); keep the first cause.
                    try {
                        bind(connection, previous);
                    } catch (SQLException rebind) {
                        e.addSuppressed(rebind);
                    }
                    throw e;
                }
                bind(connection, previous);
                return result;
            });
        } finally {
            session.setHibernateFlushMode(flushMode);
        }
    }

    /** Whom the transaction is bound to now: the caller, or the member of an enclosing call. */
    private static String bound(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select current_setting('app.municipality', true)");
                java.sql.ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void bind(Connection connection, String municipalityId) throws SQLException {
        try (PreparedStatement bind = connection.prepareStatement("select set_config('app.municipality', ?, true)")) {
            bind.setString(1, municipalityId);
            bind.execute();
        }
    }
}
