package io.sphere.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.config.WithDefault;
import io.sphere.core.card.CardInput;
import io.sphere.core.card.CardService;
import io.sphere.core.card.CardView;
import io.sphere.core.cardtype.CardTypeService;
import io.sphere.core.cardtype.CardTypeView;
import io.sphere.core.group.GroupView;
import io.sphere.core.permission.Action;
import io.sphere.core.security.Actor;
import io.sphere.core.testing.Fixtures;
import io.sphere.core.testing.TestDatabase;

/**
 * {@code sphere.audit.enabled=false}, the switch the benchmark's "audit on ÷ off" figure compares against: the
 * changes themselves go through exactly as before, but nothing enters the outbox. (On, the default, every change
 * writes its event: {@link AuditTrailTest}; {@link #onIsTheDefault} checks the default itself.)
 */
@QuarkusTest
@TestProfile(AuditSwitchTest.AuditOff.class)
class AuditSwitchTest {

    public static class AuditOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sphere.audit.enabled", "false");
        }
    }

    @Inject
    Fixtures fixtures;
    @Inject
    CardService cards;
    @Inject
    CardTypeService types;
    @Inject
    AuditConfig config;

    Actor root;
    Actor operator;

    @BeforeEach
    void setUp() {
        TestDatabase.clean();
        root = fixtures.superuser();
        operator = fixtures.user("operator");
        GroupView ops = fixtures.group(root, "Operators", operator);
        CardTypeView type = types.create(root, "REQ", "Requests", "", Fixtures.requestDefinition(List.of()));
        fixtures.grant(root, type.id(), ops.id(), Action.VIEW, Action.CREATE, Action.EDIT, Action.TRANSITION);
        AuditTrailTest.clearOutbox();
    }

    @Test
    void offRecordsNothingButTheChangesStillHappen() {
        assertThat(config.enabled()).isFalse();
        CardView card = cards.create(operator, "REQ", new CardInput("Printer broken", Map.of("category",
                "software", "count", 3), null, null, null, null));
        CardView edited = cards.update(operator, card.key(), card.version(), new CardInput("Printer on fire",
                Map.of("count", 4), null, null, null, null));
        CardView started = cards.transition(operator, card.key(), edited.version(), "start");
        cards.comment(operator, card.key(), "On it");

        assertThat(started.stage()).isEqualTo("in_progress");
        assertThat(started.version()).isGreaterThan(card.version());
        assertThat(TestDatabase.count("SELECT count(*) FROM card WHERE key = ? AND title = 'Printer on fire'",
                card.key())).isEqualTo(1);
        assertThat(AuditTrailTest.outbox()).as("no event with the audit trail off").isEmpty();
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event")).isZero();
    }

    @Test
    void onIsTheDefault() throws NoSuchMethodException {
        assertThat(AuditConfig.class.getMethod("enabled").getAnnotation(WithDefault.class).value()).isEqualTo("true");
    }
}
