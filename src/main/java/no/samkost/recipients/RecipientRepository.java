package no.samkost.recipients;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Recipients of the current municipality; Hibernate's tenant filter adds the municipality. */
@ApplicationScoped
public class RecipientRepository implements PanacheRepositoryBase<Recipient, UUID> {

    public Optional<Recipient> findByRef(String ref) {
        return find("ref", ref).firstResultOptional();
    }

    public List<Recipient> page(int page, int size) {
        return findAll(Sort.by("ref")).page(page, size).list();
    }
}
