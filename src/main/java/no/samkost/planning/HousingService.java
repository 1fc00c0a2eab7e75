package no.samkost.planning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import no.samkost.audit.AuditTrail;
import no.samkost.common.ProblemException;
import no.samkost.common.ProblemType;
import no.samkost.planning.HousingDtos.HousingView;
import no.samkost.planning.HousingDtos.NewHousing;
import no.samkost.recipients.RecipientDirectory;
import no.samkost.tenancy.CurrentMunicipality;

/** Where the caller's recipients live, as a dated history; audited like the recipients themselves. */
@ApplicationScoped
@Transactional
public class HousingService {

    private final RecipientDirectory recipients;
    private final EntityManager entityManager;
    private final AuditTrail audit;
    private final CurrentMunicipality current;
    private final Clock clock;

    public HousingService(
            RecipientDirectory recipients,
            EntityManager entityManager,
            AuditTrail audit,
            CurrentMunicipality current,
            Clock clock) {
        this.recipients = recipients;
        this.entityManager = entityManager;
        this.audit = audit;
        this.current = current;
        this.clock = clock;
    }

    public HousingView add(String ref, NewHousing request) {
        if (request.validFrom().getYear() < 2000 || request.validFrom().getYear() > 2100) {
            throw ProblemException.invalidField("validFrom", "a day from 2000 to 2100");
        }
        RecipientHousing h = new RecipientHousing(recipient(ref), clock.instant(), current.subject());
        h.validFrom = request.validFrom();
        h.housingForm = request.housingForm();
        h.baseLevel = request.baseLevel();
        entityManager.persist(h);
        entityManager.flush();
        audit.record(
                "recipient.housing.add",
                ref + " from " + h.validFrom + ": form " + h.housingForm + ", base " + h.baseLevel);
        return HousingView.of(h);
    }

    /** The recipient's history, the earliest day first (for one day, in the order recorded). */
    public List<HousingView> history(String ref) {
        List<HousingView> rows = entityManager
                .createQuery(
                        "from RecipientHousing where recipientId = :r order by validFrom, recordedAt",
                        RecipientHousing.class)
                .setParameter("r", recipient(ref))
                .getResultList()
                .stream()
                .map(HousingView::of)
                .toList();
        audit.recordRead("recipient.housing.read", ref);
        return rows;
    }

    private UUID recipient(String ref) {
        return recipients
                .idOf(ref)
                .orElseThrow(() ->
                        new ProblemException(ProblemType.NOT_FOUND, "no recipient '" + ref + "' in your municipality"));
    }
}
