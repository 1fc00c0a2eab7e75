package no.samkost.planning;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Register entries of the current municipality; Hibernate's tenant filter adds the municipality. */
@ApplicationScoped
public class NeedRepository implements PanacheRepositoryBase<Need, UUID> {

    public Optional<Need> findByRef(String ref) {
        return find("ref", ref).firstResultOptional();
    }

    public List<Need> page(int page, int size) {
        return findAll(Sort.by("ref")).page(page, size).list();
    }
}
