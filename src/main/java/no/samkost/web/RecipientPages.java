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
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.samkost.common.Page;
import no.samkost.common.ProblemException;
import no.samkost.recipients.RecipientDtos.NewRecipient;
import no.samkost.recipients.RecipientDtos.RecipientUpdate;
import no.samkost.recipients.RecipientDtos.RecipientView;
import no.samkost.recipients.RecipientService;
import no.samkost.recipients.UserGroup;
import no.samkost.tenancy.Role;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Mottakere: the municipality's recipients, listed, added and changed through {@link
 * RecipientService} with the API's own validation. A recipient's ref never goes into a URL: the
 * change form sits in the list and posts the ref in its body.
 */
@Path("/app/{code}/mottakere")
public class RecipientPages {

    static final int PAGE_SIZE = 50;

    /** The page's own words for what each field must be. */
    static final Map<String, String> FIELDS = Map.of(
            "ref", "Referansen må være 1–64 tegn av A–Z, a–z, 0–9, - og _, og aldri et fødselsnummer.",
            "birthYear", "Fødselsåret må være et årstall fra 1900 til i år.",
            "userGroup", "Velg en brukergruppe.",
            "version", "Mottakeren er endret av noen andre siden du åpnet siden. Last siden på nytt.");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(
                PageContext ctx,
                Page<RecipientView> recipients,
                List<GroupChoice> groups,
                String message,
                FormOutcome outcome,
                String failedRef,
                NewRecipientForm form);
    }

    /** A user group with its Norwegian name, for the select boxes and the list. */
    public record GroupChoice(String value, String label) {}

    /** What the person typed in the add form, shown again when it was refused. */
    public record NewRecipientForm(String ref, String birthYear, boolean intellectualDisability, String userGroup) {
        static NewRecipientForm empty() {
            return new NewRecipientForm("", "", false, "");
        }
    }

    static final List<GroupChoice> GROUPS = Arrays.stream(UserGroup.values())
            .map(g -> new GroupChoice(g.name(), groupName(g)))
            .toList();

    static String groupName(UserGroup group) {
        return switch (group) {
            case INTELLECTUAL_DISABILITY -> "Utviklingshemming";
            case MENTAL_HEALTH_SUBSTANCE -> "Psykisk helse og rus";
            case SOMATIC -> "Somatikk";
            case OTHER -> "Annet";
        };
    }

    private final Pages pages;
    private final RecipientService recipients;
    private final Validator validator;

    public RecipientPages(Pages pages, RecipientService recipients, Validator validator) {
        this.pages = pages;
        this.recipients = recipients;
        this.validator = validator;
    }

    @GET
    @RolesAllowed({Role.COORDINATOR, Role.VIEWER, Role.AUDITOR})
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(
            @PathParam("code") String code,
            @QueryParam("side") @DefaultValue("0") String side,
            @QueryParam("melding") String melding) {
        return render(pageNumber(side), message(melding), FormOutcome.none(), null, NewRecipientForm.empty());
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
            @RestForm String intellectualDisability,
            @RestForm String userGroup) {
        pages.verifyForm(csrf);
        NewRecipientForm typed = new NewRecipientForm(
                ref == null ? "" : ref, birthYear == null ? "" : birthYear, intellectualDisability != null, userGroup);
        Optional<Integer> year = year(birthYear);
        if (year.isEmpty()) {
            return refused(FormOutcome.field("birthYear", FIELDS.get("birthYear")), null, typed);
        }
        NewRecipient request =
                new NewRecipient(blankToNull(ref), year.get(), intellectualDisability != null, group(userGroup));
        Set<ConstraintViolation<NewRecipient>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            return refused(FormOutcome.of(violations, FIELDS), null, typed);
        }
        try {
            recipients.create(request, Optional.empty());
        } catch (ProblemException e) {
            return refused(FormOutcome.of(e, FIELDS), null, typed);
        }
        return seeOther(code, "lagt-til");
    }

    @POST
    @Path("/endre")
    @RolesAllowed(Role.COORDINATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response change(
            @PathParam("code") String code,
            @RestForm("_csrf") String csrf,
            @RestForm String ref,
            @RestForm String birthYear,
            @RestForm String intellectualDisability,
            @RestForm String userGroup,
            @RestForm String version) {
        pages.verifyForm(csrf);
        Optional<Integer> year = year(birthYear);
        if (year.isEmpty()) {
            return refused(FormOutcome.field("birthYear", FIELDS.get("birthYear")), ref, NewRecipientForm.empty());
        }
        Long based;
        try {
            based = Long.valueOf(version);
        } catch (NumberFormatException e) {
            return refused(FormOutcome.field("version", FIELDS.get("version")), ref, NewRecipientForm.empty());
        }
        RecipientUpdate request =
                new RecipientUpdate(ref, year.get(), intellectualDisability != null, group(userGroup), based);
        Set<ConstraintViolation<RecipientUpdate>> violations = validator.validate(request);
        if (!violations.isEmpty() || ref == null || ref.isBlank()) {
            return refused(FormOutcome.of(violations, FIELDS), ref, NewRecipientForm.empty());
        }
        try {
            recipients.update(ref, request);
        } catch (ProblemException e) {
            return refused(FormOutcome.of(e, FIELDS), ref, NewRecipientForm.empty());
        }
        return seeOther(code, "endret");
    }

    private TemplateInstance render(
            int page, String message, FormOutcome outcome, String failedRef, NewRecipientForm form) {
        return Templates.list(
                pages.context("mottakere"),
                recipients.list(page, PAGE_SIZE),
                GROUPS,
                message,
                outcome,
                failedRef,
                form);
    }

    private Response refused(FormOutcome outcome, String failedRef, NewRecipientForm form) {
        return Response.status(outcome.status())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(render(0, null, outcome, failedRef, form))
                .build();
    }

    static Response seeOther(String code, String message) {
        return Response.seeOther(URI.create("/app/" + code + "/mottakere?melding=" + message))
                .build();
    }

    static String message(String key) {
        if (key == null) {
            return null;
        }
        return switch (key) {
            case "lagt-til" -> "Mottakeren er lagt til.";
            case "endret" -> "Mottakeren er endret.";
            default -> null;
        };
    }

    static int pageNumber(String side) {
        try {
            return Math.max(0, Math.min(1_000_000, Integer.parseInt(side)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A year typed in ASCII digits (valueOf alone takes any script's). */
    static Optional<Integer> year(String text) {
        return text == null || !text.strip().matches("[0-9]{1,9}")
                ? Optional.empty()
                : Optional.of(Integer.valueOf(text.strip()));
    }

    static UserGroup group(String value) {
        try {
            return value == null || value.isBlank() ? null : UserGroup.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
