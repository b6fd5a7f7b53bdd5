package io.sphere.web.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sphere.core.section.Section;
import io.sphere.core.section.SectionService;
import io.sphere.core.security.Actor;
import io.sphere.web.layout.Chrome;
import io.sphere.web.layout.Pages;
import io.sphere.web.security.CurrentUser;

/** The administration section's start: card types for their administrators, people and groups for the superuser. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class AdminHomePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Chrome chrome, boolean superuser);
    }

    private final SectionService sections;
    private final CurrentUser currentUser;
    private final Pages pages;

    AdminHomePage(SectionService sections, CurrentUser currentUser, Pages pages) {
        this.sections = sections;
        this.currentUser = currentUser;
        this.pages = pages;
    }

    @GET
    public TemplateInstance home() {
        Actor actor = currentUser.actor();
        sections.requireOpen(actor, Section.ADMIN);
        return pages.localized(Templates.home(pages.chrome(), actor.superuser()));
    }
}
