package no.samkost.reimbursement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** The caller's claim submissions: the latest of a year, all of a year, and a snapshot read back. */
@ApplicationScoped
class SubmissionRecords {

    private final EntityManager entityManager;
    private final ObjectMapper json;

    SubmissionRecords(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    Optional<ClaimSubmission> latest(int costYear) {
        return entityManager
                .createQuery("from ClaimSubmission where costYear = :year order by number desc", ClaimSubmission.class)
                .setParameter("year", costYear)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** Every submission of the year, the latest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    List<ClaimSubmission> all(int costYear) {
        return entityManager
                .createQuery("from ClaimSubmission where costYear = :year order by number desc", ClaimSubmission.class)
                .setParameter("year", costYear)
                .getResultList();
    }

    /** The latest submission of every cost year that has one, the latest year first. */
    @Transactional(Transactional.TxType.MANDATORY)
    List<ClaimSubmission> latestOfEachYear() {
        return entityManager
                .createQuery(
                        "from ClaimSubmission s where s.number = (select max(t.number) from ClaimSubmission t"
                                + " where t.costYear = s.costYear) order by s.costYear desc",
                        ClaimSubmission.class)
                .getResultList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void add(ClaimSubmission submission) {
        entityManager.persist(submission);
        entityManager.flush();
    }

    /** The snapshot's figures, read back from its canonical JSON. */
    ClaimFigures figures(ClaimSubmission submission) {
        try {
            return json.readValue(submission.snapshot, ClaimFigures.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("snapshot " + submission.number + " cannot be read", e);
        }
    }
}
