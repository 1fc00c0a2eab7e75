package no.samkost.recipients;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import no.samkost.audit.AuditTrail;
import no.samkost.common.IdempotentRequests;
import no.samkost.common.Page;
import no.samkost.common.ProblemException;
import no.samkost.common.ProblemType;
import no.samkost.recipients.RecipientDtos.NewRecipient;
import no.samkost.recipients.RecipientDtos.RecipientUpdate;
import no.samkost.recipients.RecipientDtos.RecipientView;
import no.samkost.tenancy.CurrentMunicipality;

/**
 * Recipients of the caller's municipality. Reads are transactional too: the database session is
 * bound to the municipality per transaction, and outside one it sees no rows.
 */
@ApplicationScoped
@Transactional
public class RecipientService {

    private static final String CREATE = "recipients.create";

    private final RecipientRepository recipients;
    private final IdempotentRequests idempotency;
    private final AuditTrail audit;
    private final CurrentMunicipality current;
    private final Clock clock;

    public RecipientService(
            RecipientRepository recipients,
            IdempotentRequests idempotency,
            AuditTrail audit,
            CurrentMunicipality current,
            Clock clock) {
        this.recipients = recipients;
        this.idempotency = idempotency;
        this.audit = audit;
        this.current = current;
        this.clock = clock;
    }

    public record Created(RecipientView recipient, boolean replayed) {}

    public Created create(NewRecipient request, Optional<String> idempotencyKey) {
        if (idempotencyKey.isPresent()) {
            Optional<RecipientView> earlier =
                    idempotency.earlierResponse(CREATE, idempotencyKey.get(), request, RecipientView.class);
            if (earlier.isPresent()) {
                audit.record("recipient.create.replayed", request.ref());
                return new Created(earlier.get(), true);
            }
        }
        if (recipients.findByRef(request.ref()).isPresent()) {
            throw new ProblemException(ProblemType.CONFLICT, "recipient '" + request.ref() + "' already exists");
        }
        Instant now = clock.instant();
        String actor = current.subject();
        Recipient recipient = new Recipient(request.ref(), now, actor);
        recipient.describe(request.birthYear(), request.intellectualDisability(), request.userGroup(), now, actor);
        recipients.persistAndFlush(recipient);
        RecipientView view = RecipientView.of(recipient);
        idempotencyKey.ifPresent(key -> idempotency.remember(CREATE, key, request, view));
        audit.record("recipient.create", request.ref());
        return new Created(view, false);
    }

    public Page<RecipientView> list(int page, int size) {
        List<RecipientView> items =
                recipients.page(page, size).stream().map(RecipientView::of).toList();
        audit.recordRead("recipient.list", "page " + page + " size " + size);
        return Page.of(items, page, size, recipients.count());
    }

    public RecipientView get(String ref) {
        Recipient recipient = existing(ref);
        audit.recordRead("recipient.read", ref);
        return RecipientView.of(recipient);
    }

    public RecipientView update(String ref, RecipientUpdate request) {
        if (request.ref() != null && !request.ref().equals(ref)) {
            throw ProblemException.invalidField(
                    "ref", "a recipient's ref cannot be changed; it must equal the path's ref");
        }
        Recipient recipient = existing(ref);
        if (recipient.version() != request.version()) {
            throw new ProblemException(
                    ProblemType.STALE_VERSION,
                    "recipient '" + ref + "' is at version " + recipient.version()
                            + ", the update was based on version " + request.version());
        }
        recipient.describe(
                request.birthYear(),
                request.intellectualDisability(),
                request.userGroup(),
                clock.instant(),
                current.subject());
        // Flush here so a concurrent update surfaces as a version conflict, not a commit failure.
        recipients.flush();
        audit.record("recipient.update", ref);
        return RecipientView.of(recipient);
    }

    private Recipient existing(String ref) {
        return recipients
                .findByRef(ref)
                .orElseThrow(() ->
                        new ProblemException(ProblemType.NOT_FOUND, "no recipient '" + ref + "' in your municipality"));
    }
}
