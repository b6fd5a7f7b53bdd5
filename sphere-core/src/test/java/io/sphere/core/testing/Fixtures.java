package io.sphere.core.testing;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.sphere.core.cardtype.CardTypeDefinition;
import io.sphere.core.cardtype.CardTypeService;
import io.sphere.core.cardtype.CardTypeView;
import io.sphere.core.cardtype.FieldDefinition;
import io.sphere.core.cardtype.FieldKind;
import io.sphere.core.cardtype.FieldOption;
import io.sphere.core.cardtype.FieldValidation;
import io.sphere.core.cardtype.StageDefinition;
import io.sphere.core.cardtype.TransitionDefinition;
import io.sphere.core.group.GroupService;
import io.sphere.core.group.GroupView;
import io.sphere.core.permission.Action;
import io.sphere.core.permission.PermissionService;
import io.sphere.core.security.Actor;
import io.sphere.core.user.UserService;
import io.sphere.core.user.UserView;

/** People, groups and a sample "Request" type for core's service tests. */
@ApplicationScoped
public class Fixtures {

    public static final String PASSWORD = "Velvet-Harbour-42-Lantern";

    private final UserService users;
    private final GroupService groups;
    private final CardTypeService types;
    private final PermissionService permissions;

    Fixtures(UserService users, GroupService groups, CardTypeService types, PermissionService permissions) {
        this.users = users;
        this.groups = groups;
        this.types = types;
        this.permissions = permissions;
    }

    public Actor superuser() {
        users.createSuperuser("root@example.com", PASSWORD, true);
        UserView v = users.findByEmail("root@example.com").orElseThrow();
        return new Actor(v.id(), v.email(), true);
    }

    public Actor user(String name) {
        UserView v = users.findByEmail(name + "@example.com")
                .orElseGet(() -> users.createUser(name + "@example.com", name, PASSWORD));
        return new Actor(v.id(), v.email(), false);
    }

    public GroupView group(Actor admin, String name, Actor... members) {
        GroupView g = groups.create(admin, name, "");
        for (Actor m : members) {
            groups.addMember(admin, g.id(), m.userId());
        }
        return g;
    }

    public void grant(Actor admin, long typeId, long groupId, Action... actions) {
        Map<Long, Set<Action>> matrix = new HashMap<>(permissions.matrix(admin, typeId));
        Set<Action> set = EnumSet.noneOf(Action.class);
        set.addAll(matrix.getOrDefault(groupId, Set.of()));
        set.addAll(List.of(actions));
        matrix.put(groupId, set);
        permissions.setMatrix(admin, typeId, matrix);
    }

    public CardTypeView requestType(Actor admin, String key) {
        return types.create(admin, key, "Request " + key, "Sample requests", requestDefinition(List.of()));
    }

    /** New → In progress → Done / Rejected; "done" needs a resolution, "reject" may be limited to groups. */
    public static CardTypeDefinition requestDefinition(List<Long> rejectGroups) {
        return new CardTypeDefinition(List.of(
                field("summary", FieldKind.LONG_TEXT, false),
                field("amount", FieldKind.MONEY, false),
                new FieldDefinition("count", "Count", FieldKind.NUMBER, false, null, null,
                        new FieldValidation(null, null, BigDecimal.ZERO, BigDecimal.valueOf(1000), null), null,
                        false),
                field("needed_by", FieldKind.DATE, false),
                field("happened_at", FieldKind.DATE_TIME, false),
                field("urgent", FieldKind.BOOLEAN, false),
                new FieldDefinition("category", "Category", FieldKind.SINGLE_SELECT, true, "hardware", null, null,
                        List.of(new FieldOption("hardware", "Hardware", false),
                                new FieldOption("software", "Software", false),
                                new FieldOption("access", "Access", false)),
                        false),
                new FieldDefinition("tags", "Tags", FieldKind.MULTI_SELECT, false, null, null, null,
                        List.of(new FieldOption("a", "Alpha", false), new FieldOption("b", "Beta", false)), false),
                field("owner", FieldKind.USER, false),
                field("contact", FieldKind.EMAIL, false),
                field("link", FieldKind.URL, false),
                new FieldDefinition("code", "Code", FieldKind.TEXT, false, null, null,
                        new FieldValidation(2, 8, null, null, "[A-Z]+"), null, false),
                field("resolution", FieldKind.TEXT, false)),
                List.of(new StageDefinition("new", "New", true, false, "P2D"),
                        new StageDefinition("in_progress", "In progress", false, false, null),
                        new StageDefinition("done", "Done", false, true, null),
                        new StageDefinition("rejected", "Rejected", false, true, null)),
                List.of(new TransitionDefinition("start", "new", "in_progress", "Start", null, null),
                        new TransitionDefinition("done", "in_progress", "done", "Done", null, List.of("resolution")),
                        new TransitionDefinition("reject", "new", "rejected", "Reject", rejectGroups, null),
                        new TransitionDefinition("reopen", "done", "in_progress", "Reopen", null, null)));
    }

    public static FieldDefinition field(String key, FieldKind kind, boolean required) {
        return new FieldDefinition(key, key.substring(0, 1).toUpperCase() + key.substring(1), kind, required, null,
                null, null, null, false);
    }
}
