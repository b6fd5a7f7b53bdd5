package io.sphere.core.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.junit.QuarkusTest;
import io.sphere.core.cardtype.CardTypeService;
import io.sphere.core.cardtype.CardTypeView;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.group.GroupView;
import io.sphere.core.permission.Action;
import io.sphere.core.permission.PermissionService;
import io.sphere.core.security.Actor;
import io.sphere.core.testing.Fixtures;
import io.sphere.core.testing.TestDatabase;

/**
 * Every action × (member of the allowed group, member of another group who may only view, nobody's member, the
 * superuser), through the services that pages, API and CLI all call.
 */
@QuarkusTest
class CardPermissionMatrixTest {

    @Inject
    Fixtures fixtures;
    @Inject
    CardService cards;
    @Inject
    CardQuery query;
    @Inject
    CardTypeService types;
    @Inject
    PermissionService permissions;

    Actor root;
    Actor allowed;
    Actor viewer;
    Actor stranger;
    CardTypeView type;
    GroupView allowedGroup;

    @BeforeEach
    void setUp() {
        TestDatabase.clean();
        root = fixtures.superuser();
        allowed = fixtures.user("allowed");
        viewer = fixtures.user("viewer");
        stranger = fixtures.user("stranger");
        allowedGroup = fixtures.group(root, "Allowed", allowed);
        GroupView viewers = fixtures.group(root, "Viewers", viewer);
        type = fixtures.requestType(root, "REQ");
        fixtures.grant(root, type.id(), viewers.id(), Action.VIEW);
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    void memberOfTheAllowedGroupMayAndOthersMayNot(Action action) {
        fixtures.grant(root, type.id(), allowedGroup.id(), action == Action.VIEW
                ? new Action[]{Action.VIEW}
                : new Action[]{Action.VIEW, action});

        assertThat(attempt(allowed, action)).isNull();
        if (action == Action.VIEW) {
            assertThat(attempt(viewer, action)).as("the other group has VIEW too").isNull();
        } else {
            assertThat(attempt(viewer, action).code()).isEqualTo(ErrorCode.ACCESS_DENIED);
        }
        SphereException hidden = attempt(stranger, action);
        assertThat(hidden.code()).isIn(ErrorCode.CARD_NOT_FOUND, ErrorCode.CARD_TYPE_NOT_FOUND);
        assertThat(attempt(root, action)).isNull();
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    void groupWithoutTheActionIsRefused(Action action) {
        fixtures.grant(root, type.id(), allowedGroup.id(), Action.VIEW);
        if (action == Action.VIEW) {
            assertThat(attempt(allowed, action)).isNull();
            return;
        }
        assertThat(attempt(allowed, action).code()).isEqualTo(ErrorCode.ACCESS_DENIED);
    }

    @Test
    void cardsOfATypeOneMayNotViewAreNotFoundExactlyLikeMissingOnes() {
        CardTypeView secret = fixtures.requestType(root, "SEC");
        fixtures.grant(root, type.id(), allowedGroup.id(), Action.VIEW, Action.EDIT, Action.TRANSITION,
                Action.DELETE);
        CardView hidden = cards.create(root, "SEC", CardInput.of("Salary review", Map.of()));
        cards.create(root, "REQ", CardInput.of("Salary printer", Map.of()));

        for (String key : List.of(hidden.key(), "SEC-999", "REQ-999", "NOPE-1", "")) {
            assertThat(code(() -> cards.get(allowed, key))).isEqualTo(ErrorCode.CARD_NOT_FOUND);
            assertThat(code(() -> cards.comments(allowed, key))).isEqualTo(ErrorCode.CARD_NOT_FOUND);
            assertThat(code(() -> cards.comment(allowed, key, "hi"))).isEqualTo(ErrorCode.CARD_NOT_FOUND);
            assertThat(code(() -> cards.update(allowed, key, 0, CardInput.of("x", Map.of()))))
                    .isEqualTo(ErrorCode.CARD_NOT_FOUND);
            assertThat(code(() -> cards.transition(allowed, key, 0, "start"))).isEqualTo(ErrorCode.CARD_NOT_FOUND);
            assertThat(code(() -> cards.delete(allowed, key))).isEqualTo(ErrorCode.CARD_NOT_FOUND);
            assertThat(code(() -> cards.watch(allowed, key))).isEqualTo(ErrorCode.CARD_NOT_FOUND);
        }
        assertThat(code(() -> types.get(allowed, "SEC"))).isEqualTo(ErrorCode.CARD_TYPE_NOT_FOUND);
        assertThat(code(() -> types.get(allowed, "NOPE"))).isEqualTo(ErrorCode.CARD_TYPE_NOT_FOUND);
        assertThat(code(() -> cards.create(allowed, "SEC", CardInput.of("x", Map.of()))))
                .isEqualTo(ErrorCode.CARD_TYPE_NOT_FOUND);
        assertThat(code(() -> permissions.matrix(allowed, secret.id()))).isEqualTo(ErrorCode.CARD_TYPE_NOT_FOUND);

        CardPage all = query.list(allowed, CardFilter.all(), CardSort.DEFAULT, Optional.empty(), 50);
        assertThat(all.total()).isEqualTo(1);
        assertThat(all.items()).extracting(CardSummary::key).containsExactly("REQ-1");
        CardPage search = query.list(allowed, CardFilter.all().text("salary"), CardSort.DEFAULT, Optional.empty(),
                50);
        assertThat(search.items()).extracting(CardSummary::key).containsExactly("REQ-1");
        assertThat(code(() -> query.list(allowed, CardFilter.all().type("SEC"), CardSort.DEFAULT, Optional.empty(),
                50))).isEqualTo(ErrorCode.CARD_TYPE_NOT_FOUND);
        assertThat(query.list(root, CardFilter.all(), CardSort.DEFAULT, Optional.empty(), 50).total()).isEqualTo(2);
    }

    @Test
    void permissionChangesApplyAtOnce() {
        CardView card = cards.create(root, "REQ", CardInput.of("Printer", Map.of()));
        assertThat(code(() -> cards.get(allowed, card.key()))).isEqualTo(ErrorCode.CARD_NOT_FOUND);
        fixtures.grant(root, type.id(), allowedGroup.id(), Action.VIEW);
        assertThat(cards.get(allowed, card.key()).title()).isEqualTo("Printer");
        permissions.setMatrix(root, type.id(), Map.of());
        assertThat(code(() -> cards.get(allowed, card.key()))).isEqualTo(ErrorCode.CARD_NOT_FOUND);
    }

    @Test
    void onlyAdministratorsSeeAndChangeTheMatrix() {
        assertThat(code(() -> permissions.matrix(viewer, type.id()))).isEqualTo(ErrorCode.ACCESS_DENIED);
        assertThat(code(() -> permissions.setMatrix(viewer, type.id(), Map.of()))).isEqualTo(ErrorCode.ACCESS_DENIED);
        fixtures.grant(root, type.id(), allowedGroup.id(), Action.ADMINISTER);
        permissions.setMatrix(allowed, type.id(), Map.of(allowedGroup.id(), java.util.Set.of(Action.ADMINISTER,
                Action.VIEW)));
        assertThat(permissions.matrix(allowed, type.id())).containsOnlyKeys(allowedGroup.id());
        assertThat(permissions.administersAny(allowed)).isTrue();
        assertThat(permissions.administersAny(viewer)).isFalse();
        assertThat(permissions.visibleTypeIds(viewer)).isEmpty();
        assertThat(permissions.visibleTypeIds(allowed)).containsExactly(type.id());
    }

    /** @return null when allowed, else the refusal. */
    private SphereException attempt(Actor actor, Action action) {
        CardView card = cards.create(root, "REQ", CardInput.of("Card for " + action, Map.of()));
        try {
            switch (action) {
                case VIEW -> cards.get(actor, card.key());
                case CREATE -> cards.create(actor, "REQ", CardInput.of("Mine", Map.of()));
                case EDIT -> cards.update(actor, card.key(), card.version(), CardInput.of("Edited", Map.of()));
                case TRANSITION -> cards.transition(actor, card.key(), card.version(), "start");
                case DELETE -> cards.delete(actor, card.key());
                case ADMINISTER -> {
                    CardTypeView t = types.get(actor, "REQ");
                    types.update(actor, "REQ", t.version(), "Renamed", t.description(), t.definition());
                }
            }
            return null;
        } catch (SphereException e) {
            return e;
        }
    }

    private static ErrorCode code(Runnable r) {
        SphereException e = catchThrowableOfType(SphereException.class, r::run);
        assertThat(e).as("expected a refusal").isNotNull();
        return e.code();
    }
}
