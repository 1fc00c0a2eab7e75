package no.samkost.recipients;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * How other features find the caller's recipients by ref, and read the two facts the grant
 * depends on (birth year, intellectual disability) without the rest of the record.
 */
@ApplicationScoped
public class RecipientDirectory {

    private final RecipientRepository recipients;

    public RecipientDirectory(RecipientRepository recipients) {
        this.recipients = recipients;
    }

    /** What the grant calculation needs of a recipient. */
    public record GrantFacts(UUID id, String ref, int birthYear, boolean intellectualDisability) {}

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> idOf(String ref) {
        return recipients.findByRef(ref).map(Recipient::id);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<GrantFacts> grantFacts(String ref) {
        return recipients.findByRef(ref).map(RecipientDirectory::facts);
    }

    /** The facts of these recipients of the caller's, by id (one query). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, GrantFacts> grantFacts(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return recipients.list("id in ?1", List.copyOf(ids)).stream()
                .collect(Collectors.toMap(Recipient::id, RecipientDirectory::facts));
    }

    private static GrantFacts facts(Recipient r) {
        return new GrantFacts(r.id(), r.ref(), r.birthYear, r.intellectualDisability);
    }
}
