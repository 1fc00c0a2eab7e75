package no.samkost.planning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import no.samkost.audit.AuditTrail;
import no.samkost.common.IdempotentRequests;
import no.samkost.common.Page;
import no.samkost.common.ProblemException;
import no.samkost.common.ProblemType;
import no.samkost.planning.NeedDtos.ConversationView;
import no.samkost.planning.NeedDtos.NeedUpdate;
import no.samkost.planning.NeedDtos.NeedView;
import no.samkost.planning.NeedDtos.NewConversation;
import no.samkost.planning.NeedDtos.NewNeed;
import no.samkost.recipients.RecipientDirectory;
import no.samkost.recipients.RecipientDirectory.GrantFacts;
import no.samkost.tenancy.CurrentMunicipality;

/**
 * The caller's future-needs register: entries, their status, and the conversations held with each
 * family, the newest of which gives the entry's current answers. Every write is audited; every read
 * of an entry too.
 */
@ApplicationScoped
@Transactional
public class NeedService {

    private static final String CREATE = "needs.create";

    private final NeedRepository needs;
    private final RecipientDirectory recipients;
    private final EntityManager entityManager;
    private final IdempotentRequests idempotency;
    private final AuditTrail audit;
    private final CurrentMunicipality current;
    private final Clock clock;

    public NeedService(
            NeedRepository needs,
            RecipientDirectory recipients,
            EntityManager entityManager,
            IdempotentRequests idempotency,
            AuditTrail audit,
            CurrentMunicipality current,
            Clock clock) {
        this.needs = needs;
        this.recipients = recipients;
        this.entityManager = entityManager;
        this.idempotency = idempotency;
        this.audit = audit;
        this.current = current;
        this.clock = clock;
    }

    public record Created(NeedView need, boolean replayed) {}

    public Created create(NewNeed request, Optional<String> idempotencyKey) {
        if (idempotencyKey.isPresent()) {
            Optional<NeedView> earlier =
                    idempotency.earlierResponse(CREATE, idempotencyKey.get(), request, NeedView.class);
            if (earlier.isPresent()) {
                audit.record("need.create.replayed", request.ref());
                return new Created(earlier.get(), true);
            }
        }
        if (needs.findByRef(request.ref()).isPresent()) {
            throw new ProblemException(ProblemType.CONFLICT, "register entry '" + request.ref() + "' already exists");
        }
        Instant now = clock.instant();
        Need need = new Need(request.ref(), now, current.subject());
        need.birthYear = request.birthYear();
        need.userGroup = request.userGroup();
        need.touch(now, current.subject());
        needs.persistAndFlush(need);
        NeedView view = view(need, null, Map.of());
        idempotencyKey.ifPresent(key -> idempotency.remember(CREATE, key, request, view));
        audit.record("need.create", request.ref());
        return new Created(view, false);
    }

    public Page<NeedView> list(int page, int size) {
        List<Need> items = needs.page(page, size);
        Map<UUID, GrantFacts> linked =
                linked(items.stream().map(n -> n.recipientId).toList());
        Map<UUID, LocalDate> lastHeld =
                lastConversations(items.stream().map(n -> n.id).toList());
        audit.recordRead("need.list", "page " + page + " size " + size);
        return Page.of(
                items.stream().map(n -> view(n, lastHeld.get(n.id), linked)).toList(), page, size, needs.count());
    }

    public NeedView get(String ref) {
        Need need = existing(ref);
        audit.recordRead("need.read", ref);
        return view(need);
    }

    public NeedView update(String ref, NeedUpdate request) {
        if (request.ref() != null && !request.ref().equals(ref)) {
            throw ProblemException.invalidField(
                    "ref", "a register entry's ref cannot be changed; it must equal the path's ref");
        }
        boolean became = request.status() == NeedStatus.BECAME_RECIPIENT;
        if (became && request.recipientRef() == null) {
            throw ProblemException.invalidField("recipientRef", "BECAME_RECIPIENT needs the recipient's ref");
        }
        if (!became && request.recipientRef() != null) {
            throw ProblemException.invalidField("recipientRef", "only BECAME_RECIPIENT names a recipient");
        }
        Need need = existing(ref);
        if (need.version != request.version()) {
            throw new ProblemException(
                    ProblemType.STALE_VERSION,
                    "register entry '" + ref + "' is at version " + need.version + ", the update was based on"
                            + " version " + request.version());
        }
        UUID recipientId = became
                ? recipients
                        .idOf(request.recipientRef())
                        .orElseThrow(() -> ProblemException.invalidField(
                                "recipientRef", "no recipient '" + request.recipientRef() + "' in your municipality"))
                : null;
        need.birthYear = request.birthYear();
        need.userGroup = request.userGroup();
        need.status = request.status();
        need.recipientId = recipientId;
        need.touch(clock.instant(), current.subject());
        // Flush here so a concurrent update surfaces as a version conflict, not a commit failure.
        needs.flush();
        audit.record("need.update", ref + " " + request.status());
        return view(need);
    }

    /**
     * Keeps the conversation as held; when it is the newest (by its day), its answers become the
     * entry's current ones, unknowns included (a move-out year the family no longer knows is unknown).
     */
    public ConversationView addConversation(String ref, NewConversation request) {
        ConversationRules.heldOnProblem(request.heldOn(), clock).ifPresent(problem -> {
            throw ProblemException.invalidField("heldOn", problem);
        });
        ConversationRules.Hours hours = ConversationRules.hours(request.hoursPerWeekMin(), request.hoursPerWeekMax());
        if (!hours.ordered()) {
            throw ProblemException.invalidField("hoursPerWeekMin", "must not be above hoursPerWeekMax");
        }
        BigDecimal min = hours.min();
        BigDecimal max = hours.max();
        Need need = existing(ref);
        Optional<LocalDate> newest =
                Optional.ofNullable(lastConversations(List.of(need.id)).get(need.id));
        Instant now = clock.instant();
        NeedConversation c = new NeedConversation(need.id, now, current.subject());
        c.heldOn = request.heldOn();
        c.expectedMoveOutYear = request.expectedMoveOutYear();
        c.housingForm = request.housingForm();
        c.baseLevel = request.baseLevel();
        c.hoursPerWeekMin = min;
        c.hoursPerWeekMax = max;
        entityManager.persist(c);
        if (newest.isEmpty() || !request.heldOn().isBefore(newest.get())) {
            need.expectedMoveOutYear = c.expectedMoveOutYear;
            need.housingForm = c.housingForm;
            need.baseLevel = c.baseLevel;
            need.hoursPerWeekMin = min;
            need.hoursPerWeekMax = max;
            need.touch(now, current.subject());
        }
        entityManager.flush();
        audit.record("need.conversation.add", ref + " " + request.heldOn());
        return ConversationView.of(c);
    }

    /** Every conversation of an entry, the oldest first. */
    public List<ConversationView> conversations(String ref) {
        Need need = existing(ref);
        List<ConversationView> all = entityManager
                .createQuery(
                        "from NeedConversation where needId = :need order by heldOn, recordedAt",
                        NeedConversation.class)
                .setParameter("need", need.id)
                .getResultList()
                .stream()
                .map(ConversationView::of)
                .toList();
        audit.recordRead("need.conversations.read", ref);
        return all;
    }

    private NeedView view(Need need) {
        return view(
                need,
                lastConversations(List.of(need.id)).get(need.id),
                linked(need.recipientId == null ? List.of() : List.of(need.recipientId)));
    }

    private static NeedView view(Need n, LocalDate lastHeld, Map<UUID, GrantFacts> linked) {
        return new NeedView(
                n.ref,
                n.birthYear,
                n.userGroup,
                n.status,
                n.recipientId == null ? null : linked.get(n.recipientId).ref(),
                n.expectedMoveOutYear,
                n.housingForm,
                n.baseLevel,
                n.hoursPerWeekMin,
                n.hoursPerWeekMax,
                lastHeld,
                n.version,
                n.createdAt,
                n.updatedAt);
    }

    private Map<UUID, GrantFacts> linked(Collection<UUID> ids) {
        return recipients.grantFacts(ids.stream().filter(Objects::nonNull).toList());
    }

    /** The day of each entry's newest conversation (one query). */
    private Map<UUID, LocalDate> lastConversations(Collection<UUID> needIds) {
        if (needIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, LocalDate> last = new java.util.HashMap<>();
        entityManager
                .createQuery(
                        "select c.needId, max(c.heldOn) from NeedConversation c where c.needId in :needs"
                                + " group by c.needId",
                        Object[].class)
                .setParameter("needs", needIds)
                .getResultList()
                .forEach(row -> last.put((UUID) row[0], (LocalDate) row[1]));
        return last;
    }

    private Need existing(String ref) {
        return needs.findByRef(ref)
                .orElseThrow(() -> new ProblemException(
                        ProblemType.NOT_FOUND, "no register entry '" + ref + "' in your municipality"));
    }
}
