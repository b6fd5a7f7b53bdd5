package io.sphere.web.admin;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.group.GroupService;
import io.sphere.core.group.GroupView;
import io.sphere.core.section.Section;
import io.sphere.core.section.SectionService;
import io.sphere.core.security.Actor;
import io.sphere.core.user.PasswordPolicy;
import io.sphere.core.user.UserAdminService;
import io.sphere.core.user.UserPage;
import io.sphere.core.user.UserView;
import io.sphere.web.error.Messages;
import io.sphere.web.i18n.AdminTexts;
import io.sphere.web.layout.Chrome;
import io.sphere.web.layout.Pages;
import io.sphere.web.security.CurrentUser;

/**
 * People, for the superuser (core refuses everyone else): list and search, create with a chosen or generated
 * password (a generated one is shown once, on the answer to the form, never in a URL), rename, deactivate and
 * reactivate, reset the password, and choose the groups.
 */
@Path("/admin/users")
@Produces(MediaType.TEXT_HTML)
public class UserAdminPage {

    static final int PAGE_SIZE = 50;

    public record Row(long id, String email, String displayName, boolean superuser, boolean active,
            String lastLogin) {

        static Row of(UserView v) {
            return new Row(v.id(), v.email(), v.displayName(), v.superuser(), v.active(),
                    v.lastLoginAt().map(Dates::shown).orElse(""));
        }
    }

    /** The create form's input and its messages, kept on a refusal. */
    public record NewUser(String email, String displayName, String emailError, String nameError,
            String passwordError) {
    }

    public record ListView(List<Row> users, String q, long total, String prevHref, String nextHref,
            NewUser form) {
    }

    public record GroupChoice(long id, String name, boolean member) {
    }

    /** {@code password}: one generated just now, shown this once. */
    public record DetailView(Row user, boolean self, List<GroupChoice> groups, String notice, String password,
            String nameError, String passwordError, String statusError) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance users(Chrome chrome, ListView view);

        static native TemplateInstance user(Chrome chrome, DetailView view);
    }

    private final UserAdminService users;
    private final GroupService groups;
    private final SectionService sections;
    private final CurrentUser currentUser;
    private final Pages pages;

    UserAdminPage(UserAdminService users, GroupService groups, SectionService sections, CurrentUser currentUser,
            Pages pages) {
        this.users = users;
        this.groups = groups;
        this.sections = sections;
        this.currentUser = currentUser;
        this.pages = pages;
    }

    @GET
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("page") @DefaultValue("0") int page) {
        return listPage(q, page, new NewUser("", "", null, null, null));
    }

    /** A blank password means "generate one"; it is shown on the user's page in this very answer. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("email") String email, @FormParam("displayName") String displayName,
            @FormParam("password") String password) {
        Actor actor = admin();
        boolean generated = password == null || password.isEmpty();
        String chosen = generated ? PasswordPolicy.generate() : password;
        try {
            UserView created = users.create(actor, email, displayName, chosen);
            DetailView view = detail(actor, created.id(), AdminTexts.of(pages.locale()).user_created(), generated
                    ? chosen
                    : null, null, null, null);
            return noStore(200, Templates.user(pages.chrome(), view));
        } catch (SphereException e) {
            if (e.code() == ErrorCode.ACCESS_DENIED) {
                throw e;
            }
            String message = Messages.of(pages.locale(), e);
            String field = e.field() == null ? "email" : e.field();
            NewUser form = new NewUser(nz(email), nz(displayName), field.equals("email") ? message : null,
                    field.equals("displayName") ? message : null, field.equals("password") ? message : null);
            return html(e.code().httpStatus(), listPage(null, 0, form));
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance show(@PathParam("id") long id, @QueryParam("groups") String groupsSaved) {
        Actor actor = admin();
        String notice = groupsSaved == null ? null : AdminTexts.of(pages.locale()).user_groups_saved();
        return pages.localized(Templates.user(pages.chrome(), detail(actor, id, notice, null, null, null, null)));
    }

    @POST
    @Path("/{id}/name")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rename(@PathParam("id") long id, @FormParam("displayName") String displayName) {
        Actor actor = admin();
        try {
            users.rename(actor, id, displayName);
            return back(id);
        } catch (SphereException e) {
            if (e.code() != ErrorCode.DISPLAY_NAME_INVALID) {
                throw e;
            }
            return html(422, page(detail(actor, id, null, null, Messages.of(pages.locale(), e), null, null)));
        }
    }

    @POST
    @Path("/{id}/deactivate")
    public Response deactivate(@PathParam("id") long id) {
        Actor actor = admin();
        try {
            users.deactivate(actor, id);
            return back(id);
        } catch (SphereException e) {
            if (e.code() != ErrorCode.USER_SELF_DEACTIVATION) {
                throw e;
            }
            return html(422, page(detail(actor, id, null, null, null, null, Messages.of(pages.locale(), e))));
        }
    }

    @POST
    @Path("/{id}/reactivate")
    public Response reactivate(@PathParam("id") long id) {
        users.activate(admin(), id);
        return back(id);
    }

    /** A blank password means "generate one", shown once in this answer. Ends the person's sessions. */
    @POST
    @Path("/{id}/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resetPassword(@PathParam("id") long id, @FormParam("password") String password) {
        Actor actor = admin();
        boolean generated = password == null || password.isEmpty();
        String chosen = generated ? PasswordPolicy.generate() : password;
        try {
            users.resetPassword(actor, id, chosen);
            return noStore(200, Templates.user(pages.chrome(), detail(actor, id,
                    AdminTexts.of(pages.locale()).user_password_reset(), generated ? chosen : null, null, null,
                    null)));
        } catch (SphereException e) {
            if (e.field() == null || !e.field().equals("password")) {
                throw e;
            }
            return html(422, page(detail(actor, id, null, null, null, Messages.of(pages.locale(), e), null)));
        }
    }

    /** Exactly the ticked groups, read against the groups core knows: an unknown id in the form is ignored. */
    @POST
    @Path("/{id}/groups")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setGroups(@PathParam("id") long id, MultivaluedMap<String, String> in) {
        Actor actor = admin();
        users.get(actor, id);
        Set<Long> chosen = new LinkedHashSet<>();
        for (GroupView g : groups.list(actor)) {
            if (in.containsKey("group." + g.id())) {
                chosen.add(g.id());
            }
        }
        groups.setGroupsOf(actor, id, chosen);
        return Response.seeOther(URI.create("/admin/users/" + id + "?groups=saved")).build();
    }

    private TemplateInstance listPage(String q, int page, NewUser form) {
        Actor actor = admin();
        int index = Math.max(0, page);
        UserPage result = users.list(actor, q, index, PAGE_SIZE);
        String query = q == null || q.isBlank()
                ? ""
                : "q=" + URLEncoder.encode(q.strip(), StandardCharsets.UTF_8) + "&";
        String prev = index > 0 ? "/admin/users?" + query + "page=" + (index - 1) : null;
        String next = (long) (index + 1) * PAGE_SIZE < result.total()
                ? "/admin/users?" + query + "page=" + (index + 1)
                : null;
        return pages.localized(Templates.users(pages.chrome(), new ListView(result.users().stream().map(Row::of)
                .toList(), q == null ? "" : q, result.total(), prev, next, form)));
    }

    private DetailView detail(Actor actor, long id, String notice, String password, String nameError,
            String passwordError, String statusError) {
        UserView user = users.get(actor, id);
        Set<Long> member = groups.groupsOf(id);
        List<GroupChoice> choices = groups.list(actor).stream()
                .map(g -> new GroupChoice(g.id(), g.name(), member.contains(g.id()))).toList();
        return new DetailView(Row.of(user), user.id() == actor.userId(), choices, notice, password, nameError,
                passwordError, statusError);
    }

    private TemplateInstance page(DetailView view) {
        return pages.localized(Templates.user(pages.chrome(), view));
    }

    private Response noStore(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(pages.localized(page)).header("Cache-Control", "no-store").build();
    }

    private static Response back(long id) {
        return Response.seeOther(URI.create("/admin/users/" + id)).build();
    }

    private Actor admin() {
        Actor actor = currentUser.actor();
        sections.requireOpen(actor, Section.ADMIN);
        return actor;
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
