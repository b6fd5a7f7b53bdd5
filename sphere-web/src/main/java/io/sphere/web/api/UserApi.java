package io.sphere.web.api;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.sphere.core.group.GroupService;
import io.sphere.core.user.UserAdminService;
import io.sphere.core.user.UserPage;
import io.sphere.core.user.UserView;
import io.sphere.web.security.CurrentUser;

/** Users, for administrators (core refuses everyone else with 403). Passwords go in, never come out. */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserApi {

    public record NewUser(String email, String displayName, String password) {
    }

    public record UserJson(long id, String email, String displayName, boolean superuser, boolean active,
            String locale, String timeZone, List<GroupApi.GroupRef> groups) {

        static UserJson of(UserView v, List<GroupApi.GroupRef> groups) {
            return new UserJson(v.id(), v.email(), v.displayName(), v.superuser(), v.active(), v.locale().orElse(null),
                    v.timeZone(), groups);
        }
    }

    /** A new password chosen by the administrator. */
    public record NewPassword(String password) {
    }

    public record UserList(List<UserJson> items, long total, int page, int size) {
    }

    private final UserAdminService users;
    private final GroupService groups;
    private final CurrentUser currentUser;

    UserApi(UserAdminService users, GroupService groups, CurrentUser currentUser) {
        this.users = users;
        this.groups = groups;
        this.currentUser = currentUser;
    }

    /** {@code q} matches e-mail or name; {@code page} from 0. */
    @GET
    public UserList list(@QueryParam("q") String q, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        UserPage p = users.list(currentUser.actor(), q, page, size);
        return new UserList(p.users().stream().map(u -> UserJson.of(u, null)).toList(), p.total(), p.page(),
                p.pageSize());
    }

    @GET
    @Path("/{id}")
    public UserJson get(@PathParam("id") long id) {
        return json(users.get(currentUser.actor(), id));
    }

    @POST
    public Response create(NewUser body) {
        NewUser b = CardApi.required(body);
        UserView created = users.create(currentUser.actor(), b.email(), b.displayName(), b.password());
        return Response.created(URI.create("/api/v1/users/" + created.id())).entity(json(created)).build();
    }

    /** Stops the person from logging in and ends their sessions; their cards and history stay. */
    @POST
    @Path("/{id}/deactivate")
    @Consumes(MediaType.WILDCARD)
    public UserJson deactivate(@PathParam("id") long id) {
        return json(users.deactivate(currentUser.actor(), id));
    }

    @POST
    @Path("/{id}/reactivate")
    @Consumes(MediaType.WILDCARD)
    public UserJson reactivate(@PathParam("id") long id) {
        return json(users.activate(currentUser.actor(), id));
    }

    /** Sets the password (same rules as everywhere) and ends the person's sessions; answers 204. */
    @PUT
    @Path("/{id}/password")
    public Response resetPassword(@PathParam("id") long id, NewPassword body) {
        users.resetPassword(currentUser.actor(), id, CardApi.required(body).password());
        return Response.noContent().build();
    }

    private UserJson json(UserView v) {
        return UserJson.of(v, groups.groupViewsOf(v.id()).stream().map(GroupApi.GroupRef::of).toList());
    }
}
