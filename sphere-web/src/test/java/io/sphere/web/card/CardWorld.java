package io.sphere.web.card;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Singleton;

import io.sphere.core.cardtype.CardTypeDefinition;
import io.sphere.core.cardtype.CardTypeService;
import io.sphere.core.cardtype.CardTypeView;
import io.sphere.core.cardtype.FieldDefinition;
import io.sphere.core.group.GroupService;
import io.sphere.core.group.GroupView;
import io.sphere.core.permission.Action;
import io.sphere.core.permission.PermissionService;
import io.sphere.core.security.Actor;
import io.sphere.core.testing.Fixtures;
import io.sphere.core.user.UserService;
import io.sphere.core.user.UserView;
import io.sphere.web.support.WebClient;

/**
 * People and card types for the card page tests, made through core's services. REQ is the sample Request type
 * (every field kind; "done" needs a resolution; only Managers may "reject"); SEC is a second type only the superuser
 * sees. Olga (Operators) may do everything with REQ but administer it; Victor (Viewers) may only view; Mark
 * (Managers) may view and fire transitions; Nina belongs to no group and sees nothing.
 */
@Singleton
public class CardWorld {

    public static final String PASSWORD = "Velvet-Harbour-42-Lantern";

    private final UserService users;
    private final GroupService groups;
    private final CardTypeService types;
    private final PermissionService permissions;

    public Actor admin;
    public Actor olga;
    public Actor victor;
    public Actor mark;
    public Actor nina;
    public GroupView operators;
    public GroupView managers;
    public CardTypeView requests;
    public CardTypeView secrets;

    CardWorld(UserService users, GroupService groups, CardTypeService types, PermissionService permissions) {
        this.users = users;
        this.groups = groups;
        this.types = types;
        this.permissions = permissions;
    }

    public void build() {
        users.createSuperuser("root@example.com", PASSWORD, false);
        UserView root = users.findByEmail("root@example.com").orElseThrow();
        admin = new Actor(root.id(), root.email(), true);
        olga = user("olga", "Olga");
        victor = user("victor", "Victor");
        mark = user("mark", "Mark");
        nina = user("nina", "Nina");
        operators = group("Operators", olga);
        GroupView viewers = group("Viewers", victor);
        managers = group("Managers", mark);
        CardTypeDefinition sample = Fixtures.requestDefinition(List.of(managers.id()));
        List<FieldDefinition> fields = sample.fields().stream().map(f -> f.key().equals("amount")
                ? new FieldDefinition(f.key(), f.label(), f.kind(), f.required(), f.defaultValue(),
                        "Expected cost, if any", f.validation(), f.options(), false)
                : f).toList();
        requests = types.create(admin, "REQ", "Request", "Sample requests",
                new CardTypeDefinition(fields, sample.stages(), sample.transitions()));
        grant(requests.id(), operators.id(), Action.VIEW, Action.CREATE, Action.EDIT, Action.TRANSITION,
                Action.DELETE);
        grant(requests.id(), viewers.id(), Action.VIEW);
        grant(requests.id(), managers.id(), Action.VIEW, Action.TRANSITION);
        secrets = types.create(admin, "SEC", "Secret", "", Fixtures.requestDefinition(List.of()));
    }

    public WebClient browser(Actor who) {
        return new WebClient().loggedInAs(who.email(), PASSWORD);
    }

    private Actor user(String name, String displayName) {
        UserView v = users.createUser(name + "@example.com", displayName, PASSWORD);
        return new Actor(v.id(), v.email(), false);
    }

    private GroupView group(String name, Actor... members) {
        GroupView g = groups.create(admin, name, "");
        for (Actor m : members) {
            groups.addMember(admin, g.id(), m.userId());
        }
        return g;
    }

    private void grant(long typeId, long groupId, Action... actions) {
        Map<Long, Set<Action>> matrix = new HashMap<>(permissions.matrix(admin, typeId));
        Set<Action> set = EnumSet.noneOf(Action.class);
        set.addAll(List.of(actions));
        matrix.put(groupId, set);
        permissions.setMatrix(admin, typeId, matrix);
    }
}
