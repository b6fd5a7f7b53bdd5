package io.sphere.web.apitoken;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sphere.core.apitoken.ApiTokenService;
import io.sphere.core.apitoken.ApiTokenView;
import io.sphere.core.apitoken.CreatedApiToken;
import io.sphere.core.error.SphereException;
import io.sphere.web.error.Messages;
import io.sphere.web.layout.Chrome;
import io.sphere.web.layout.Pages;
import io.sphere.web.security.CurrentUser;

/** The person's own API tokens: create one (shown this once), see when each was last used, revoke. */
@Path("/profile/tokens")
@Produces(MediaType.TEXT_HTML)
public class ApiTokenPage {

    /** {@code created}: the token just made, or null; {@code error}/{@code name}: a refused name, kept. */
    public record View(List<Row> tokens, String created, String name, String error) {
    }

    public record Row(long id, String name, String createdAt, String lastUsedAt, boolean active) {

        static Row of(ApiTokenView v) {
            return new Row(v.id(), v.name(), v.createdAt().toString(),
                    v.lastUsedAt().map(Object::toString).orElse(null), v.active());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(Chrome chrome, View view);
    }

    private final ApiTokenService tokens;
    private final CurrentUser currentUser;
    private final Pages pages;

    ApiTokenPage(ApiTokenService tokens, CurrentUser currentUser, Pages pages) {
        this.tokens = tokens;
        this.currentUser = currentUser;
        this.pages = pages;
    }

    @GET
    public TemplateInstance show() {
        return render(null, "", null);
    }

    /** Answers with the page itself rather than a redirect: the token must not travel through a URL or a cookie. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("name") String name) {
        try {
            CreatedApiToken created = tokens.create(currentUser.actor(), name);
            return Response.ok(render(created.token(), "", null)).header("Cache-Control", "no-store").build();
        } catch (SphereException e) {
            return Response.status(422).entity(render(null, name, Messages.of(pages.locale(), e))).build();
        }
    }

    @POST
    @Path("/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("id") long id) {
        tokens.revoke(currentUser.actor(), id);
        return Response.seeOther(URI.create("/profile/tokens")).build();
    }

    private TemplateInstance render(String created, String name, String error) {
        List<Row> rows = tokens.list(currentUser.actor()).stream().map(Row::of).toList();
        return pages.localized(Templates.page(pages.chrome(), new View(rows, created, name, error)));
    }
}
