package no.samkost.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import no.samkost.common.Page;
import no.samkost.common.ProblemException;

/**
 * The caller's audit trail for the auditor, newest first, filtered by time and actor. The trail
 * names recipients, so reading it is itself recorded.
 */
@ApplicationScoped
@Transactional
public class AuditReader {

    public static final int MAX_ACTOR = 200;

    private final EntityManager entityManager;
    private final AuditTrail audit;

    public AuditReader(EntityManager entityManager, AuditTrail audit) {
        this.entityManager = entityManager;
        this.audit = audit;
    }

    /**
     * Entries at or after {@code from} and before {@code to}. Each is a date (YYYY-MM-DD, a whole day in
     * UTC: from its start, to its end) or an instant (2024-03-01T12:00:00Z); null: no bound.
     */
    public Page<AuditEntryView> page(String from, String to, String actor, int page, int size) {
        Instant start = from == null ? null : instant("from", from, false);
        Instant end = to == null ? null : instant("to", to, true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw ProblemException.invalidField("to", "must be after from");
        }
        if (actor != null && (actor.isEmpty() || actor.length() > MAX_ACTOR)) {
            throw ProblemException.invalidField("actor", "must be 1-" + MAX_ACTOR + " characters");
        }
        StringBuilder where = new StringBuilder("1 = 1");
        if (start != null) {
            where.append(" and a.at >= :from");
        }
        if (end != null) {
            where.append(" and a.at < :to");
        }
        if (actor != null) {
            where.append(" and a.actor = :actor");
        }
        TypedQuery<AuditEntry> entries = entityManager.createQuery(
                "select a from AuditEntry a where " + where + " order by a.at desc, a.id", AuditEntry.class);
        TypedQuery<Long> count =
                entityManager.createQuery("select count(a) from AuditEntry a where " + where, Long.class);
        for (TypedQuery<?> q : List.of(entries, count)) {
            if (start != null) {
                q.setParameter("from", start);
            }
            if (end != null) {
                q.setParameter("to", end);
            }
            if (actor != null) {
                q.setParameter("actor", actor);
            }
        }
        List<AuditEntryView> items = entries.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(a -> new AuditEntryView(a.at, a.actor, a.action, a.resource))
                .toList();
        long total = count.getSingleResult();
        audit.recordRead("audit.read", "from " + from + " to " + to + " actor " + actor + " page " + page);
        return Page.of(items, page, size, total);
    }

    private static Instant instant(String field, String value, boolean endOfDay) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(
                    field, "must be a date (2024-03-01) or an instant (2024-03-01T12:00:00Z)");
        }
    }
}
