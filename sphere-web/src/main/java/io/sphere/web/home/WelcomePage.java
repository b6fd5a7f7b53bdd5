package io.sphere.web.home;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sphere.core.section.Section;
import io.sphere.core.section.SectionService;
import io.sphere.web.layout.Chrome;
import io.sphere.web.layout.Pages;
import io.sphere.web.security.CurrentUser;

/** The page after login (S4): the person's name and the sections they may open. */
@Path("/")
public class WelcomePage {

    public record SectionCard(String id, String label, String description, String href) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance welcome(Chrome chrome, List<SectionCard> sections);
    }

    private final CurrentUser currentUser;
    private final SectionService sections;
    private final Pages pages;

    WelcomePage(CurrentUser currentUser, SectionService sections, Pages pages) {
        this.currentUser = currentUser;
        this.sections = sections;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show() {
        java.util.Locale locale = pages.locale();
        List<SectionCard> cards = sections.visibleTo(currentUser.actor()).stream()
                .filter(s -> s != Section.HOME)
                .map(s -> new SectionCard(s.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                        Pages.label(locale, s),
                        Pages.description(locale, s), s.path()))
                .toList();
        return pages.localized(Templates.welcome(pages.chrome(), cards));
    }
}
