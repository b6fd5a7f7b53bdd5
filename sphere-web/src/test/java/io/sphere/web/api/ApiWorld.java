package io.sphere.web.api;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Singleton;

import io.sphere.core.apitoken.ApiTokenService;
import io.sphere.core.cardtype.CardTypeService;
import io.sphere.core.cardtype.CardTypeView;
import io.sphere.core.group.GroupService;
import io.sphere.core.group.GroupView;
import io.sphere.core.permission.Action;
import io.sphere.core.permission.PermissionService;
import io.sphere.core.security.Actor;
import io.sphere.core.testing.Fixtures;
import io.sphere.core.user.UserService;
import io.sphere.core.user.UserView;

/**
 * People, groups, permissions and card types for the API tests, made through core's services: "REQ" (the sample
 * Request type) and "SEC", a second type the operators may not see. A singleton, not a proxied bean, so that the
 * tests can read its fields.
 */
@Singleton
public class ApiWorld {

    public static final String PASSWORD = "Velvet-Harbour-42-Lantern";

    private final UserService users;
    private final GroupService groups;
    private final CardTypeService types;
    private final PermissionService permissions;
    private final ApiTokenService tokens;

    public Actor admin;
    public Actor operator;
    public Actor viewer;
    public GroupView operators;
    public GroupView viewers;
    public CardTypeView requests;
    public CardTypeView secrets;

    ApiWorld(UserService users, GroupService groups, CardTypeService types, PermissionService permissions,
            ApiTokenService tokens) {
        this.users = users;
        this.groups = groups;
        this.types = types;
        this.permissions = permissions;
        this.tokens = tokens;
    }

    /** Operators may do everything with REQ but administer it; viewers may only view; nobody but admin sees SEC. */
    public void build() {
        users.createSuperuser("root@example.com", PASSWORD, false);
        UserView root = users.findByEmail("root@example.com").orElseThrow();
        admin = new Actor(root.id(), root.email(), true);
        operator = user("olga");
        viewer = user("victor");
        operators = groups.create(admin, "Operators", "");
        groups.addMember(admin, operators.id(), operator.userId());
        viewers = groups.create(admin, "Viewers", "");
        groups.addMember(admin, viewers.id(), viewer.userId());
        requests = types.create(admin, "REQ", "Request", "Sample requests", Fixtures.requestDefinition(List.of()));
        grant(requests.id(), operators.id(), Action.VIEW, Action.CREATE, Action.EDIT, Action.TRANSITION,
                Action.DELETE);
        grant(requests.id(), viewers.id(), Action.VIEW);
        secrets = types.create(admin, "SEC", "Secret", "", Fixtures.requestDefinition(List.of()));
    }

    public String token(Actor actor) {
        return tokens.create(actor, "test").token();
    }

    private Actor user(String name) {
        UserView v = users.createUser(name + "@example.com", name, PASSWORD);
        return new Actor(v.id(), v.email(), false);
    }

    private void grant(long typeId, long groupId, Action... actions) {
        Map<Long, Set<Action>> matrix = new HashMap<>(permissions.matrix(admin, typeId));
        Set<Action> set = EnumSet.noneOf(Action.class);
        set.addAll(List.of(actions));
        matrix.put(groupId, set);
        permissions.setMatrix(admin, typeId, matrix);
    }
}
