package no.samkost.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A municipality's first page after login: what this person's roles open. */
@Path("/app/{code}")
public class HomePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(PageContext ctx);
    }

    private final Pages pages;

    public HomePage(Pages pages) {
        this.pages = pages;
    }

    @GET
    @Authenticated
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home(@PathParam("code") String code) {
        return Templates.home(pages.context("hjem"));
    }
}
