package io.sphere.web.admin;

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
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.group.GroupService;
import io.sphere.core.group.GroupView;
import io.sphere.core.section.Section;
import io.sphere.core.section.SectionService;
import io.sphere.core.security.Actor;
import io.sphere.core.user.UserRef;
import io.sphere.core.user.UserService;
import io.sphere.web.error.Messages;
import io.sphere.web.i18n.AdminTexts;
import io.sphere.web.layout.Chrome;
import io.sphere.web.layout.Pages;
import io.sphere.web.security.CurrentUser;

/** Groups for the superuser: create, rename, add and remove members. Core refuses everyone else. */
@Path("/admin/groups")
@Produces(MediaType.TEXT_HTML)
public class GroupAdminPage {

    public record ListView(List<GroupView> groups, String name, String description, String nameError) {
    }

    public record DetailView(GroupView group, List<UserRef> members, String name, String description,
            String nameError, String email, String memberError) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance groups(Chrome chrome, ListView view);

        static native TemplateInstance group(Chrome chrome, DetailView view);
    }

    private final GroupService groups;
    private final UserService userService;
    private final SectionService sections;
    private final CurrentUser currentUser;
    private final Pages pages;

    GroupAdminPage(GroupService groups, UserService userService, SectionService sections, CurrentUser currentUser,
            Pages pages) {
        this.groups = groups;
        this.userService = userService;
        this.sections = sections;
        this.currentUser = currentUser;
        this.pages = pages;
    }

    @GET
    public TemplateInstance list() {
        Actor actor = admin();
        return page(new ListView(groups.list(actor), "", "", null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("name") String name, @FormParam("description") String description) {
        Actor actor = admin();
        try {
            GroupView g = groups.create(actor, name, description);
            return Response.seeOther(URI.create("/admin/groups/" + g.id())).build();
        } catch (SphereException e) {
            if (e.code() == ErrorCode.ACCESS_DENIED) {
                throw e;
            }
            return html(e.code().httpStatus(), page(new ListView(groups.list(actor), nz(name), nz(description),
                    Messages.of(pages.locale(), e))));
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance show(@PathParam("id") long id) {
        Actor actor = admin();
        GroupView g = groups.get(actor, id);
        return page(new DetailView(g, groups.members(actor, id), g.name(), g.description(), null, "", null));
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rename(@PathParam("id") long id, @FormParam("name") String name,
            @FormParam("description") String description) {
        Actor actor = admin();
        try {
            groups.rename(actor, id, name, description);
            return back(id);
        } catch (SphereException e) {
            if (e.code() == ErrorCode.ACCESS_DENIED || e.code() == ErrorCode.GROUP_NOT_FOUND) {
                throw e;
            }
            GroupView g = groups.get(actor, id);
            return html(e.code().httpStatus(), page(new DetailView(g, groups.members(actor, id), nz(name),
                    nz(description), Messages.of(pages.locale(), e), "", null)));
        }
    }

    /** Members are added by e-mail, looked up here; core refuses an inactive person. */
    @POST
    @Path("/{id}/members")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addMember(@PathParam("id") long id, @FormParam("email") String email) {
        Actor actor = admin();
        GroupView g = groups.get(actor, id);
        var user = userService.findByEmail(email == null ? "" : email.strip());
        String error = null;
        if (user.isEmpty() || !user.get().active()) {
            error = AdminTexts.of(pages.locale()).group_member_unknown(nz(email).strip());
        } else {
            try {
                groups.addMember(actor, id, user.get().id());
                return back(id);
            } catch (SphereException e) {
                if (e.code() == ErrorCode.ACCESS_DENIED) {
                    throw e;
                }
                error = Messages.of(pages.locale(), e);
            }
        }
        return html(422, page(new DetailView(g, groups.members(actor, id), g.name(), g.description(), null, nz(
                email), error)));
    }

    @POST
    @Path("/{id}/members/{userId}/remove")
    public Response removeMember(@PathParam("id") long id, @PathParam("userId") long userId) {
        groups.removeMember(admin(), id, userId);
        return back(id);
    }

    private TemplateInstance page(ListView view) {
        return pages.localized(Templates.groups(pages.chrome(), view));
    }

    private TemplateInstance page(DetailView view) {
        return pages.localized(Templates.group(pages.chrome(), view));
    }

    /** The groups pages are for whoever may change groups (core: the superuser). */
    private Actor admin() {
        Actor actor = currentUser.actor();
        sections.requireOpen(actor, Section.ADMIN);
        groups.requireManager(actor);
        return actor;
    }

    private static Response back(long id) {
        return Response.seeOther(URI.create("/admin/groups/" + id)).build();
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
