package no.samkost.planning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.samkost.audit.AuditTrail;
import no.samkost.common.ProblemException;
import no.samkost.tenancy.CurrentMunicipality;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a municipality calls the housing forms and base levels: Drammen's names unless it has
 * renamed one. The codes (1-5, PLUSS...) are what the data and the API hold; names are only shown.
 */
@ApplicationScoped
@Transactional
public class HousingNames {

    /** Drammen's names (the default), by housing form 1-5. */
    static final List<String> DEFAULT_FORMS = List.of(
            "Egen bolig med tjenester i hjemmet",
            "Egen bolig nær frittstående base",
            "Bolig nær samlokaliserte boliger med base",
            "Samlokalisert bolig med bemannet base",
            "Forsterket bolig, bemannet");

    static final Map<BaseLevel, String> DEFAULT_LEVELS = Map.of(
            BaseLevel.PLUSS, "Pluss: privat konsept med fellesarealer",
            BaseLevel.BASIS, "Basis: kommunal lavterskel møteplass på dagtid",
            BaseLevel.UTVIDET, "Utvidet: bemannet base i samlokaliserte boliger",
            BaseLevel.EKSTRA, "Ekstra: base bemannet hele døgnet");

    private static final String FORM = "HOUSING_FORM";
    private static final String LEVEL = "BASE_LEVEL";

    private final EntityManager entityManager;
    private final AuditTrail audit;
    private final CurrentMunicipality current;
    private final Clock clock;

    public HousingNames(EntityManager entityManager, AuditTrail audit, CurrentMunicipality current, Clock clock) {
        this.entityManager = entityManager;
        this.audit = audit;
        this.current = current;
        this.clock = clock;
    }

    @Schema(name = "HousingFormName")
    public record FormName(
            @NotNull @Min(1) @Max(5) @Schema(examples = "1") Integer housingForm,
            @NotNull @Schema(examples = "Egen leilighet") String name) {}

    @Schema(name = "BaseLevelName")
    public record LevelName(@NotNull BaseLevel baseLevel, @NotNull @Schema(examples = "Base pluss") String name) {}

    @Schema(
            name = "HousingNamesChange",
            description = "The municipality's own names; a form or level left out gets its default name back.")
    public record Change(
            @Size(max = 5)
                    @Schema(
                            description = "absent or empty: every form has its default name",
                            examples = "[{\"housingForm\":1,\"name\":\"Egen leilighet\"}]")
                    List<@Valid @NotNull FormName> housingForms,
            @Size(max = 4) @Schema(description = "absent or empty: every level has its default name")
                    List<@Valid @NotNull LevelName> baseLevels) {

        List<FormName> forms() {
            return housingForms == null ? List.of() : housingForms;
        }

        List<LevelName> levels() {
            return baseLevels == null ? List.of() : baseLevels;
        }
    }

    @Schema(name = "HousingFormNameView")
    public record FormNameView(int housingForm, String name, String defaultName, boolean renamed) {}

    @Schema(name = "BaseLevelNameView")
    public record LevelNameView(BaseLevel baseLevel, String name, String defaultName, boolean renamed) {}

    @Schema(name = "HousingNames")
    public record View(List<FormNameView> housingForms, List<LevelNameView> baseLevels) {

        /** The name of housing form {@code form} (1-5). */
        public String form(int form) {
            return housingForms.get(form - 1).name();
        }
    }

    /** The names now; not audited as a read, since they are no one's data. */
    public View names() {
        return view(stored());
    }

    public View change(Change change) {
        Map<String, String> wanted = new HashMap<>();
        Set<Integer> forms = new HashSet<>();
        for (int i = 0; i < change.forms().size(); i++) {
            FormName f = change.forms().get(i);
            if (!forms.add(f.housingForm())) {
                throw ProblemException.invalidField("housingForms[" + i + "].housingForm", "each form at most once");
            }
            wanted.put(FORM + "/" + f.housingForm(), checkedName("housingForms[" + i + "].name", f.name()));
        }
        Set<BaseLevel> levels = new HashSet<>();
        for (int i = 0; i < change.levels().size(); i++) {
            LevelName l = change.levels().get(i);
            if (!levels.add(l.baseLevel())) {
                throw ProblemException.invalidField("baseLevels[" + i + "].baseLevel", "each level at most once");
            }
            wanted.put(LEVEL + "/" + l.baseLevel().name(), checkedName("baseLevels[" + i + "].name", l.name()));
        }
        String municipality = current.require().id();
        Map<String, String> stored = stored();
        // Only what differs is written, so the same change twice leaves the rows as they were.
        for (String key : stored.keySet()) {
            if (!wanted.containsKey(key)) {
                String[] k = key.split("/");
                entityManager
                        .createNativeQuery(
                                "delete from housing_name where municipality_id = :m and kind = :kind and code = :code")
                        .setParameter("m", municipality)
                        .setParameter("kind", k[0])
                        .setParameter("code", k[1])
                        .executeUpdate();
            }
        }
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            if (e.getValue().equals(stored.get(e.getKey()))) {
                continue;
            }
            String[] key = e.getKey().split("/");
            entityManager
                    .createNativeQuery(
                            """
                            insert into housing_name (municipality_id, kind, code, name, updated_at, updated_by)
                            values (:m, :kind, :code, :name, :at, :by)
                            on conflict (municipality_id, kind, code)
                            do update set name = excluded.name, updated_at = excluded.updated_at,
                                          updated_by = excluded.updated_by""")
                    .setParameter("m", municipality)
                    .setParameter("kind", key[0])
                    .setParameter("code", key[1])
                    .setParameter("name", e.getValue())
                    .setParameter("at", clock.instant())
                    .setParameter("by", current.subject())
                    .executeUpdate();
        }
        View view = view(wanted);
        audit.record("planning.housing-names.change", wanted.size() + " names of the municipality's own");
        return view;
    }

    private static String checkedName(String field, String name) {
        String stripped = name.strip();
        if (stripped.isEmpty() || stripped.length() > 80) {
            throw ProblemException.invalidField(field, "a name of 1 to 80 characters");
        }
        return stripped;
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> stored() {
        Map<String, String> names = new HashMap<>();
        List<Object[]> rows = entityManager
                .createNativeQuery("select kind, code, name from housing_name where municipality_id = :m")
                .setParameter("m", current.require().id())
                .getResultList();
        rows.forEach(r -> names.put(r[0] + "/" + r[1], (String) r[2]));
        return names;
    }

    private static View view(Map<String, String> own) {
        List<FormNameView> forms = new ArrayList<>();
        for (int form = 1; form <= 5; form++) {
            String given = own.get(FORM + "/" + form);
            String fallback = DEFAULT_FORMS.get(form - 1);
            forms.add(new FormNameView(form, given != null ? given : fallback, fallback, given != null));
        }
        List<LevelNameView> levels = new ArrayList<>();
        for (BaseLevel level : BaseLevel.values()) {
            String given = own.get(LEVEL + "/" + level.name());
            String fallback = DEFAULT_LEVELS.get(level);
            levels.add(new LevelNameView(level, given != null ? given : fallback, fallback, given != null));
        }
        return new View(List.copyOf(forms), List.copyOf(levels));
    }
}
