package no.samkost.recipients;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/** How other features find the caller's recipients by ref, without reading recipient data. */
@ApplicationScoped
public class RecipientDirectory {

    private final RecipientRepository recipients;

    public RecipientDirectory(RecipientRepository recipients) {
        this.recipients = recipients;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> idOf(String ref) {
        return recipients.findByRef(ref).map(Recipient::id);
    }
}
