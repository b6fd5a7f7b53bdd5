package io.sphere.web.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.group.GroupService;
import io.sphere.core.group.GroupView;
import io.sphere.core.security.Actor;
import io.sphere.web.security.CurrentUser;

/**
 * Groups and their members, for administrators. Core lets anyone list groups (forms need their names); the API is
 * an administration tool, so it asks for the superuser on reads too.
 */
@Path("/api/v1/groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GroupApi {

    public record NewGroup(String name, String description) {
    }

    public record GroupRef(long id, String name) {

        static GroupRef of(GroupView g) {
            return new GroupRef(g.id(), g.name());
        }
    }

    public record GroupJson(long id, String name, String description, long memberCount,
            List<CardJson.Person> members) {
    }

    private final GroupService groups;
    private final CurrentUser currentUser;

    GroupApi(GroupService groups, CurrentUser currentUser) {
        this.groups = groups;
        this.currentUser = currentUser;
    }

    @GET
    public List<GroupJson> list() {
        return groups.list(admin()).stream()
                .map(g -> new GroupJson(g.id(), g.name(), g.description(), g.memberCount(), null)).toList();
    }

    @GET
    @Path("/{id}")
    public GroupJson get(@PathParam("id") long id) {
        return json(admin(), id);
    }

    @POST
    public Response create(NewGroup body) {
        NewGroup b = CardApi.required(body);
        Actor admin = admin();
        GroupView g = groups.create(admin, b.name(), b.description());
        return Response.created(URI.create("/api/v1/groups/" + g.id())).entity(json(admin, g.id())).build();
    }

    @PUT
    @Path("/{id}/members/{userId}")
    public GroupJson addMember(@PathParam("id") long id, @PathParam("userId") long userId) {
        Actor admin = admin();
        groups.addMember(admin, id, userId);
        return json(admin, id);
    }

    @DELETE
    @Path("/{id}/members/{userId}")
    public GroupJson removeMember(@PathParam("id") long id, @PathParam("userId") long userId) {
        Actor admin = admin();
        groups.removeMember(admin, id, userId);
        return json(admin, id);
    }

    private GroupJson json(Actor admin, long id) {
        GroupView g = groups.get(admin, id);
        return new GroupJson(g.id(), g.name(), g.description(), g.memberCount(),
                groups.members(admin, id).stream().map(CardJson.Person::of).toList());
    }

    private Actor admin() {
        Actor actor = currentUser.actor();
        if (!actor.superuser()) {
            throw new SphereException(ErrorCode.ACCESS_DENIED, null, Map.of());
        }
        return actor;
    }
}
