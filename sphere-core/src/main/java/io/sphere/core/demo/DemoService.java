package io.sphere.core.demo;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.sphere.core.card.CardInput;
import io.sphere.core.card.CardService;
import io.sphere.core.card.CardView;
import io.sphere.core.card.Priority;
import io.sphere.core.cardtype.CardTypeService;
import io.sphere.core.cardtype.CardTypeView;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.group.GroupService;
import io.sphere.core.permission.Action;
import io.sphere.core.permission.PermissionService;
import io.sphere.core.security.Actor;
import io.sphere.core.user.UserService;
import io.sphere.core.user.UserView;

/**
 * Loads the sample "Request" process ({@link DemoData}) through the same services the pages use, so every rule
 * (permissions, required fields, allowed groups) holds for demo cards too. One transaction: a failure leaves
 * nothing half-loaded, and a second run finds the type and adds nothing.
 */
@ApplicationScoped
@Transactional
public class DemoService {

    public static final int DEFAULT_CARDS = 36;
    public static final int MAX_CARDS = 1_000;

    private static final String PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final CardTypeService types;
    private final GroupService groups;
    private final PermissionService permissions;
    private final UserService users;
    private final CardService cards;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    DemoService(CardTypeService types, GroupService groups, PermissionService permissions, UserService users,
            CardService cards, Clock clock) {
        this.types = types;
        this.groups = groups;
        this.permissions = permissions;
        this.users = users;
        this.cards = cards;
        this.clock = clock;
    }

    /**
     * Needs a superuser. {@code password} is given to both demo accounts when present; otherwise each new account
     * gets its own random one.
     */
    public DemoResult load(Actor admin, int cardCount, Optional<String> password) {
        if (!admin.superuser()) {
            throw new SphereException(ErrorCode.ACCESS_DENIED);
        }
        if (cardCount < 0 || cardCount > MAX_CARDS) {
            throw new IllegalArgumentException("cards must be between 0 and " + MAX_CARDS);
        }
        if (types.findByKey(DemoData.TYPE_KEY).isPresent()) {
            return new DemoResult(true, DemoData.TYPE_KEY, List.of(), 0);
        }
        long operators = group(admin, DemoData.OPERATORS, "Handle requests (demo)");
        long managers = group(admin, DemoData.MANAGERS, "Oversee requests and may reject them (demo)");
        List<DemoResult.NewUser> created = new ArrayList<>();
        Actor operator = user(DemoData.OPERATOR_EMAIL, DemoData.OPERATOR_NAME, password, created);
        Actor manager = user(DemoData.MANAGER_EMAIL, DemoData.MANAGER_NAME, password, created);
        groups.addMember(admin, operators, operator.userId());
        groups.addMember(admin, managers, manager.userId());

        CardTypeView type = types.create(admin, DemoData.TYPE_KEY, DemoData.TYPE_NAME, DemoData.TYPE_DESCRIPTION,
                DemoData.requestDefinition(managers));
        Map<Long, Set<Action>> matrix = new HashMap<>();
        matrix.put(operators, EnumSet.of(Action.VIEW, Action.CREATE, Action.EDIT, Action.TRANSITION));
        matrix.put(managers, EnumSet.allOf(Action.class));
        permissions.setMatrix(admin, type.id(), matrix);

        for (int i = 0; i < cardCount; i++) {
            card(i, operator, manager);
        }
        return new DemoResult(false, type.key(), List.copyOf(created), cardCount);
    }

    private long group(Actor admin, String name, String description) {
        Long existing = groups.idsByName(List.of(name)).get(name);
        return existing != null ? existing : groups.create(admin, name, description).id();
    }

    private Actor user(String email, String name, Optional<String> password, List<DemoResult.NewUser> created) {
        UserView user = users.findByEmail(email).orElseGet(() -> {
            String chosen = password.orElseGet(this::randomPassword);
            UserView fresh = users.createUser(email, name, chosen);
            created.add(new DemoResult.NewUser(fresh.email(), chosen));
            return fresh;
        });
        if (!user.active()) {
            throw new SphereException(ErrorCode.USER_NOT_FOUND, "email", Map.of("email", email));
        }
        return new Actor(user.id(), user.email(), user.superuser());
    }

    /** Spreads cards over stages, priorities, categories and assignees; odd cards get Russian titles. */
    private void card(int i, Actor operator, Actor manager) {
        boolean russian = i % 2 == 1;
        List<String> titles = russian ? DemoData.RUSSIAN_TITLES : DemoData.ENGLISH_TITLES;
        String title = titles.get((i / 2) % titles.size());
        Map<String, Object> values = new HashMap<>();
        values.put("description", russian
                ? "Заявка из демонстрационных данных Sphere: " + title.toLowerCase() + "."
                : "A demo request: " + title.toLowerCase() + ". Loaded by sphere-cli demo.");
        values.put("category", DemoData.CATEGORIES.get(i % DemoData.CATEGORIES.size()));
        if (i % 3 == 0) {
            values.put("amount", String.valueOf(50 + (i * 137) % 2_000) + ".50");
        }
        if (i % 4 == 1) {
            values.put("needed_by", LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(i % 10).toString());
        }
        Long assignee = switch (i % 3) {
            case 0 -> operator.userId();
            case 1 -> manager.userId();
            default -> null;
        };
        // a few due dates lie in the past so that the overdue marker shows up
        var dueAt = clock.instant().plus(Duration.ofDays((i % 7) - 2L));
        CardView card = cards.create(operator, DemoData.TYPE_KEY, new CardInput(title, values,
                Priority.values()[i % Priority.values().length], dueAt, null, assignee));
        switch (i % 6) {
            case 2, 3 -> cards.transition(operator, card.key(), card.version(), "start");
            case 4 -> {
                CardView started = cards.transition(operator, card.key(), card.version(), "start");
                CardView resolved = cards.update(operator, card.key(), started.version(), new CardInput(title,
                        Map.of("resolution", russian ? "Сделано" : "Done as requested"), started.priority(),
                        dueAt, null, null));
                cards.transition(operator, card.key(), resolved.version(), "complete");
            }
            case 5 -> cards.transition(manager, card.key(), card.version(), "reject");
            default -> {
                // stays New
            }
        }
    }

    private String randomPassword() {
        StringBuilder password = new StringBuilder("demo");
        for (int i = 0; i < 16; i++) {
            if (i % 4 == 0) {
                password.append('-');
            }
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }
}
