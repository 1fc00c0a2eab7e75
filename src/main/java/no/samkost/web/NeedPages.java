package no.samkost.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import no.samkost.common.InputText;
import no.samkost.common.Page;
import no.samkost.common.ProblemException;
import no.samkost.planning.BaseLevel;
import no.samkost.planning.HousingNames;
import no.samkost.planning.NeedDtos.NeedUpdate;
import no.samkost.planning.NeedDtos.NeedView;
import no.samkost.planning.NeedDtos.NewConversation;
import no.samkost.planning.NeedDtos.NewNeed;
import no.samkost.planning.NeedService;
import no.samkost.planning.NeedStatus;
import no.samkost.tenancy.Role;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Fremtidig behov: the future-needs register ({@link NeedService}, the API's needs endpoints) as a
 * list, with the coordinator's forms to enter a youth, record a conversation and change an entry's
 * status, and the municipality's names for the housing forms and base levels ({@link HousingNames}).
 * A youth's ref travels in form bodies only, never in a URL. The form fields carry the API's names,
 * so a refusal names the field the page marks.
 */
@Path("/app/{code}/planlegging/register")
public class NeedPages {

    static final int PAGE_SIZE = 50;

    static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("ref", RecipientPages.FIELDS.get("ref")),
            Map.entry("birthYear", "Fødselsåret må være et årstall fra 1900 til i år."),
            Map.entry("userGroup", "Velg en brukergruppe."),
            Map.entry("status", "Velg en status."),
            Map.entry(
                    "recipientRef",
                    "«Ble tjenestemottaker» trenger referansen til en mottaker i kommunen; de andre statusene ingen."),
            Map.entry("version", "Oppføringen er endret av noen andre siden du åpnet siden. Last siden på nytt."),
            Map.entry("heldOn", "Oppgi dagen samtalen ble holdt (dd.mm.åååå), fra år 2000 og ikke fram i tid."),
            Map.entry("expectedMoveOutYear", "Ventet utflyttingsår må være et årstall fra 2000 til 2100, eller tomt."),
            Map.entry("housingForm", "Velg en boform 1–5, eller ingen."),
            Map.entry("baseLevel", "Velg et basenivå, eller ingen."),
            Map.entry(
                    "hoursPerWeekMin",
                    "Timer per uke må være fra 0 til 168 med høyst én desimal, og «fra» ikke over «til»."),
            Map.entry("hoursPerWeekMax", "Timer per uke må være fra 0 til 168 med høyst én desimal."),
            Map.entry("navn", "Et navn må ha 1 til 80 tegn, uten linjeskift eller kontrolltegn."));

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance register(
                PageContext ctx,
                Page<NeedView> needs,
                List<Row> rows,
                HousingNames.View names,
                List<PlanningTexts.Choice> groups,
                List<PlanningTexts.Choice> statuses,
                List<PlanningTexts.Choice> forms,
                List<PlanningTexts.Choice> levels,
                String message,
                FormOutcome outcome,
                Failed failed);
    }

    /** An entry as the list shows it, in Norwegian. */
    public record Row(
            NeedView need, String group, String status, String form, String level, String hours, String lastHeld) {}

    /**
     * The form that was refused: which ({@code ny}, {@code samtale}, {@code status}, {@code navn}),
     * for which entry, and what was typed, shown again.
     */
    public record Failed(String form, String ref, Map<String, String> typed) {

        static Failed none() {
            return new Failed("", "", Map.of());
        }

        public boolean is(String form, String ref) {
            return this.form.equals(form) && (ref == null || ref.equals(this.ref));
        }

        /** What was typed in {@code field} of the refused form, else {@code fallback}. */
        public String value(String form, String ref, String field, Object fallback) {
            if (is(form, ref) && typed.containsKey(field)) {
                return typed.get(field);
            }
            return fallback == null ? "" : fallback.toString();
        }

        /** The same for the {@code index}-th of the fields named {@code field} (field-index). */
        public String nth(String form, String field, int index, Object fallback) {
            return value(form, null, field + "-" + index, fallback);
        }
    }

    private final Pages pages;
    private final NeedService needs;
    private final HousingNames names;
    private final Validator validator;

    public NeedPages(Pages pages, NeedService needs, HousingNames names, Validator validator) {
        this.pages = pages;
        this.needs = needs;
        this.names = names;
        this.validator = validator;
    }

    @GET
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER})
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance register(
            @PathParam("code") String code,
            @QueryParam("side") @DefaultValue("0") String side,
            @QueryParam("melding") String melding) {
        return render(RecipientPages.pageNumber(side), message(melding), FormOutcome.none(), Failed.none());
    }

    /** The register as CSV: every entry with its current answers, the API's field names as columns. */
    @GET
    @Path("/register.csv")
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER})
    @Produces("text/csv")
    public Response csv(@PathParam("code") String code) {
        List<List<String>> rows = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<NeedView> batch = needs.list(page, Page.MAX_SIZE);
            for (NeedView n : batch.items()) {
                rows.add(List.of(
                        n.ref(),
                        Integer.toString(n.birthYear()),
                        n.userGroup().name(),
                        n.status().name(),
                        PageCsv.text(n.recipientRef()),
                        PageCsv.text(n.expectedMoveOutYear()),
                        PageCsv.text(n.housingForm()),
                        n.baseLevel() == null ? "" : n.baseLevel().name(),
                        PageCsv.plain(n.hoursPerWeekMin()),
                        PageCsv.plain(n.hoursPerWeekMax()),
                        PageCsv.text(n.lastConversationOn())));
            }
            if (page + 1 >= batch.totalPages()) {
                break;
            }
        }
        return PageCsv.of(
                "needs-" + code,
                List.of(
                        "ref",
                        "birthYear",
                        "userGroup",
                        "status",
                        "recipientRef",
                        "expectedMoveOutYear",
                        "housingForm",
                        "baseLevel",
                        "hoursPerWeekMin",
                        "hoursPerWeekMax",
                        "lastConversationOn"),
                rows);
    }

    @POST
    @RolesAllowed(Role.COORDINATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response add(
            @PathParam("code") String code,
            @RestForm("_csrf") String csrf,
            @RestForm String ref,
            @RestForm String birthYear,
            @RestForm String userGroup) {
        pages.verifyForm(csrf);
        Failed failed = new Failed("ny", "", typed("ref", ref, "birthYear", birthYear, "userGroup", userGroup));
        Optional<Integer> year = RecipientPages.year(birthYear);
        if (year.isEmpty()) {
            return refused(FormOutcome.field("birthYear", FIELDS.get("birthYear")), failed);
        }
        NewNeed request = new NewNeed(RecipientPages.blankToNull(ref), year.get(), RecipientPages.group(userGroup));
        return submit(request, r -> needs.create(r, Optional.empty()), failed, code, "lagt-til");
    }

    @POST
    @Path("/samtale")
    @RolesAllowed(Role.COORDINATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response conversation(
            @PathParam("code") String code,
            @RestForm("_csrf") String csrf,
            @RestForm String ref,
            @RestForm String heldOn,
            @RestForm String expectedMoveOutYear,
            @RestForm String housingForm,
            @RestForm String baseLevel,
            @RestForm String hoursPerWeekMin,
            @RestForm String hoursPerWeekMax) {
        pages.verifyForm(csrf);
        Failed failed = new Failed(
                "samtale",
                ref == null ? "" : ref,
                typed(
                        "heldOn", heldOn,
                        "expectedMoveOutYear", expectedMoveOutYear,
                        "housingForm", housingForm,
                        "baseLevel", baseLevel,
                        "hoursPerWeekMin", hoursPerWeekMin,
                        "hoursPerWeekMax", hoursPerWeekMax));
        if (FormValues.blank(ref) || InputText.problem(ref).isPresent()) {
            return refused(FormOutcome.field("ref", FIELDS.get("ref")), failed);
        }
        NewConversation request;
        try {
            request = new NewConversation(
                    day(heldOn),
                    FormValues.whole("expectedMoveOutYear", expectedMoveOutYear, 2000, 2100),
                    FormValues.whole("housingForm", housingForm, 1, 5),
                    level(baseLevel),
                    FormValues.decimal("hoursPerWeekMin", hoursPerWeekMin, 1, new BigDecimal(168)),
                    FormValues.decimal("hoursPerWeekMax", hoursPerWeekMax, 1, new BigDecimal(168)));
        } catch (FormValues.Invalid e) {
            return refused(FormOutcome.field(e.field, FIELDS.get(e.field)), failed);
        }
        return submit(request, r -> needs.addConversation(ref.strip(), r), failed, code, "samtale");
    }

    @POST
    @Path("/status")
    @RolesAllowed(Role.COORDINATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response status(
            @PathParam("code") String code,
            @RestForm("_csrf") String csrf,
            @RestForm String ref,
            @RestForm String birthYear,
            @RestForm String userGroup,
            @RestForm String status,
            @RestForm String recipientRef,
            @RestForm String version) {
        pages.verifyForm(csrf);
        Failed failed = new Failed(
                "status",
                ref == null ? "" : ref,
                typed(
                        "birthYear", birthYear,
                        "userGroup", userGroup,
                        "status", status,
                        "recipientRef", recipientRef));
        if (FormValues.blank(ref) || InputText.problem(ref).isPresent()) {
            return refused(FormOutcome.field("ref", FIELDS.get("ref")), failed);
        }
        Optional<Integer> year = RecipientPages.year(birthYear);
        if (year.isEmpty()) {
            return refused(FormOutcome.field("birthYear", FIELDS.get("birthYear")), failed);
        }
        Long based;
        try {
            based = Long.valueOf(version == null ? "" : version.strip());
        } catch (NumberFormatException e) {
            return refused(FormOutcome.field("version", FIELDS.get("version")), failed);
        }
        NeedStatus chosen = null;
        try {
            chosen = FormValues.blank(status) ? null : NeedStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            return refused(FormOutcome.field("status", FIELDS.get("status")), failed);
        }
        NeedUpdate request = new NeedUpdate(
                null,
                year.get(),
                RecipientPages.group(userGroup),
                chosen,
                RecipientPages.blankToNull(recipientRef),
                based);
        return submit(request, r -> needs.update(ref.strip(), r), failed, code, "endret");
    }

    /**
     * The municipality's names: a name left blank, or as the default, is the default (the API's
     * change leaves such a form out), so a municipality never "renames" to the same words.
     */
    @POST
    @Path("/navn")
    @RolesAllowed(Role.COORDINATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response rename(
            @PathParam("code") String code,
            @RestForm("_csrf") String csrf,
            @RestForm("boform") List<String> forms,
            @RestForm("basenivaa") List<String> levels) {
        pages.verifyForm(csrf);
        HousingNames.View now = names.names();
        List<String> formNames = forms == null ? List.of() : forms;
        List<String> levelNames = levels == null ? List.of() : levels;
        Map<String, String> typed = new LinkedHashMap<>();
        for (int i = 0; i < formNames.size(); i++) {
            typed.put("boform-" + (i + 1), formNames.get(i));
        }
        for (int i = 0; i < levelNames.size(); i++) {
            typed.put("basenivaa-" + i, levelNames.get(i));
        }
        Failed failed = new Failed("navn", "", typed);
        if (formNames.size() > 5 || levelNames.size() > BaseLevel.values().length) {
            return refused(FormOutcome.field("navn", FIELDS.get("navn")), failed);
        }
        List<HousingNames.FormName> formChanges = new ArrayList<>();
        for (int i = 0; i < formNames.size(); i++) {
            String name = formNames.get(i) == null ? "" : formNames.get(i).strip();
            if (invalidName(name)) {
                return refused(FormOutcome.field("navn", FIELDS.get("navn")), failed);
            }
            if (!name.isEmpty() && !name.equals(now.housingForms().get(i).defaultName())) {
                formChanges.add(new HousingNames.FormName(i + 1, name));
            }
        }
        List<HousingNames.LevelName> levelChanges = new ArrayList<>();
        for (int i = 0; i < levelNames.size(); i++) {
            String name = levelNames.get(i) == null ? "" : levelNames.get(i).strip();
            if (invalidName(name)) {
                return refused(FormOutcome.field("navn", FIELDS.get("navn")), failed);
            }
            if (!name.isEmpty() && !name.equals(now.baseLevels().get(i).defaultName())) {
                levelChanges.add(new HousingNames.LevelName(BaseLevel.values()[i], name));
            }
        }
        try {
            names.change(new HousingNames.Change(formChanges, levelChanges));
        } catch (ProblemException e) {
            return refused(FormOutcome.of(e, Map.of()), failed);
        }
        return seeOther(code, "navn");
    }

    private static boolean invalidName(String name) {
        return name.length() > 80 || InputText.problem(name).isPresent();
    }

    private TemplateInstance render(int page, String message, FormOutcome outcome, Failed failed) {
        HousingNames.View housing = names.names();
        Page<NeedView> list = needs.list(page, PAGE_SIZE);
        List<Row> rows = list.items().stream()
                .map(n -> new Row(
                        n,
                        RecipientPages.groupName(n.userGroup()),
                        PlanningTexts.status(n.status()),
                        PlanningTexts.form(n.housingForm(), housing),
                        PlanningTexts.level(n.baseLevel(), housing),
                        hours(n.hoursPerWeekMin(), n.hoursPerWeekMax()),
                        Formats.date(n.lastConversationOn())))
                .toList();
        return Templates.register(
                pages.context(KeyFiguresPage.SECTION),
                list,
                rows,
                housing,
                PlanningTexts.groups(),
                PlanningTexts.statuses(),
                PlanningTexts.forms(housing),
                PlanningTexts.levels(housing),
                message,
                outcome,
                failed);
    }

    /**
     * The end every register form shares: the request's own constraints, then the service, whose
     * refusal (a taken ref, a stale version) is shown on the form like a constraint's.
     */
    private <T> Response submit(T request, Consumer<T> action, Failed failed, String code, String done) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            return refused(FormOutcome.of(violations, FIELDS), failed);
        }
        try {
            action.accept(request);
        } catch (ProblemException e) {
            return refused(FormOutcome.of(e, FIELDS), failed);
        }
        return seeOther(code, done);
    }

    private Response refused(FormOutcome outcome, Failed failed) {
        return Pages.html(outcome.status(), render(0, null, outcome, failed));
    }

    static String hours(BigDecimal min, BigDecimal max) {
        if (min == null) {
            return "ikke kjent";
        }
        return min.compareTo(max) == 0 ? Formats.decimal(min) : Formats.decimal(min) + "–" + Formats.decimal(max);
    }

    private static Map<String, String> typed(String... pairs) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            typed.put(pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1]);
        }
        return typed;
    }

    /** A day as a date field sends it (2026-03-12) or as a person writes it (12.03.2026). */
    static LocalDate day(String text) {
        if (FormValues.blank(text)) {
            throw new FormValues.Invalid("heldOn");
        }
        String plain = text.strip();
        try {
            return plain.contains(".")
                    ? LocalDate.parse(plain, DateTimeFormatter.ofPattern("d.M.uuuu"))
                    : LocalDate.parse(plain);
        } catch (DateTimeParseException e) {
            throw new FormValues.Invalid("heldOn");
        }
    }

    private static BaseLevel level(String text) {
        if (FormValues.blank(text)) {
            return null;
        }
        try {
            return BaseLevel.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            throw new FormValues.Invalid("baseLevel");
        }
    }

    private static Response seeOther(String code, String message) {
        return Response.seeOther(URI.create("/app/" + code + "/planlegging/register?melding=" + message))
                .build();
    }

    static String message(String key) {
        if (key == null) {
            return null;
        }
        return switch (key) {
            case "lagt-til" -> "Ungdommen er lagt inn i registeret.";
            case "samtale" -> "Samtalen er registrert.";
            case "endret" -> "Oppføringen er endret.";
            case "navn" -> "Navnene på boformene og basenivåene er lagret.";
            default -> null;
        };
    }
}
