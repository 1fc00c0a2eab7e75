package no.samkost.costs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import no.samkost.common.ClosedYearRefusal;
import no.samkost.tenancy.CurrentMunicipality;

/**
 * The caller's closed cost years: a year whose claim is submitted takes no ledger line. The
 * database refuses such a line whoever writes it (trigger of migration V6); this class checks first
 * for clear answers, and lets the claim's sign-off close and reopen a year.
 */
@ApplicationScoped
public class ClosedYears {

    private final EntityManager entityManager;
    private final CurrentMunicipality current;
    private final Clock clock;

    public ClosedYears(EntityManager entityManager, CurrentMunicipality current, Clock clock) {
        this.entityManager = entityManager;
        this.current = current;
        this.clock = clock;
    }

    /**
     * Waits for any transaction writing lines of that year (they hold the lock shared, from the
     * trigger) and holds the year until this transaction ends: what is read after this is what the
     * ledger holds for that year when the year closes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(int year) {
        entityManager
                .createNativeQuery("select pg_advisory_xact_lock(hashtextextended('cost-year:'"
                        + " || current_setting('app.municipality', true) || ':' || :year, 0))")
                .setParameter("year", year)
                .getSingleResult();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean isClosed(int year) {
        return !entityManager
                .createNativeQuery(
                        "select 1 from closed_cost_year where municipality_id = :m and year = :year" + " and closed")
                .setParameter("m", current.require().id())
                .setParameter("year", year)
                .getResultList()
                .isEmpty();
    }

    /** Refuses with the year-closed problem when {@code year} is closed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireOpen(int year) {
        if (isClosed(year)) {
            throw ClosedYearRefusal.problem(year);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void close(int year) {
        set(year, true);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void reopen(int year) {
        set(year, false);
    }

    /** Every closed year of the caller, ascending. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Integer> closedYears() {
        return entityManager
                .createNativeQuery(
                        "select year from closed_cost_year where municipality_id = :m and closed order by year",
                        Integer.class)
                .setParameter("m", current.require().id())
                .getResultList();
    }

    private void set(int year, boolean closed) {
        entityManager
                .createNativeQuery(
                        """
                        insert into closed_cost_year (municipality_id, year, closed, changed_at, changed_by)
                        values (:m, :year, :closed, :at, :by)
                        on conflict (municipality_id, year) do update
                        set closed = excluded.closed, changed_at = excluded.changed_at, changed_by = excluded.changed_by""")
                .setParameter("m", current.require().id())
                .setParameter("year", year)
                .setParameter("closed", closed)
                .setParameter("at", java.sql.Timestamp.from(clock.instant()))
                .setParameter("by", current.subject())
                .executeUpdate();
    }
}
