package io.sphere.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.TextNode;

import io.quarkus.test.junit.QuarkusTest;
import io.sphere.core.apitoken.ApiTokenService;
import io.sphere.core.card.CardInput;
import io.sphere.core.card.CardService;
import io.sphere.core.card.CardView;
import io.sphere.core.card.Priority;
import io.sphere.core.cardtype.CardTypeService;
import io.sphere.core.cardtype.CardTypeView;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.group.GroupView;
import io.sphere.core.permission.Action;
import io.sphere.core.security.Actor;
import io.sphere.core.security.LoginResult;
import io.sphere.core.security.SessionService;
import io.sphere.core.testing.Fixtures;
import io.sphere.core.testing.TestDatabase;

/**
 * Every change of a card writes exactly one event to the outbox in its own transaction, with the typed diff and
 * the version after it; stored events read back as history, as the card at a moment and through the search; the
 * trail refuses UPDATE and DELETE while a whole partition can still be dropped.
 */
@QuarkusTest
public class AuditTrailTest {

    @Inject
    Fixtures fixtures;
    @Inject
    CardService cards;
    @Inject
    CardTypeService types;
    @Inject
    AuditStore store;
    @Inject
    AuditQuery query;
    @Inject
    SessionService sessions;
    @Inject
    ApiTokenService tokens;
    @Inject
    AuditOutbox relayOutbox;

    Actor root;
    Actor operator;
    Actor outsider;
    GroupView ops;
    CardTypeView type;

    @BeforeEach
    void setUp() {
        TestDatabase.clean();
        root = fixtures.superuser();
        operator = fixtures.user("operator");
        outsider = fixtures.user("outsider");
        ops = fixtures.group(root, "Operators", operator);
        type = types.create(root, "REQ", "Requests", "", Fixtures.requestDefinition(List.of()));
        fixtures.grant(root, type.id(), ops.id(), Action.VIEW, Action.CREATE, Action.EDIT, Action.TRANSITION);
        clearOutbox();
    }

    @Test
    void everyCardChangeWritesOneEventWithItsDiffAndVersion() {
        CardView card = cards.create(operator, "REQ", new CardInput("Printer broken", Map.of("category",
                "software", "count", 3), Priority.HIGH, null, null, null));
        CardView edited = cards.update(operator, card.key(), card.version(), new CardInput("Printer on fire",
                Map.of("count", 4), Priority.HIGH, null, null, null));
        CardView started = cards.transition(operator, card.key(), edited.version(), "start");
        CardView assigned = cards.assign(operator, card.key(), operator.userId());
        cards.watch(root, card.key());
        cards.unwatch(root, card.key());
        cards.comment(operator, card.key(), "On it");
        cards.delete(root, card.key());

        List<AuditEvent> events = outbox();
        assertThat(events).extracting(AuditEvent::action).containsExactly("CARD_CREATED", "CARD_UPDATED",
                "CARD_TRANSITIONED", "CARD_ASSIGNED", "CARD_WATCHED", "CARD_UNWATCHED", "CARD_COMMENTED",
                "CARD_DELETED");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.cardKey()).isEqualTo(card.key());
            assertThat(e.cardTypeId()).isEqualTo(type.id());
            assertThat(e.requestId()).as("no HTTP request in a service test").isNull();
        });
        assertThat(events).extracting(AuditEvent::eventId).doesNotHaveDuplicates();

        AuditEvent created = events.get(0);
        assertThat(created.actorId()).isEqualTo(operator.userId());
        assertThat(created.cardVersion()).isEqualTo(card.version());
        assertThat(created.changes()).extracting(AuditChange::field).contains(AuditChange.TITLE,
                AuditChange.STAGE, AuditChange.PRIORITY, "category", "count");

        AuditEvent update = events.get(1);
        assertThat(update.cardVersion()).isEqualTo(edited.version());
        assertThat(update.changes()).extracting(AuditChange::field).containsExactly(AuditChange.TITLE, "count");
        AuditChange count = update.changes().get(1);
        assertThat(count.kind()).isEqualTo("NUMBER");
        assertThat(count.from().asInt()).isEqualTo(3);
        assertThat(count.to().asInt()).isEqualTo(4);

        AuditEvent transition = events.get(2);
        assertThat(transition.cardVersion()).isEqualTo(started.version());
        assertThat(transition.detail()).containsEntry("transition", "start");
        assertThat(transition.changes()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo(AuditChange.STAGE);
            assertThat(c.from().asText()).isEqualTo("new");
            assertThat(c.to().asText()).isEqualTo("in_progress");
        });
        assertThat(events.get(3).cardVersion()).isEqualTo(assigned.version());
        assertThat(events.get(3).changes()).singleElement().satisfies(c -> {
            assertThat(c.from()).isNull();
            assertThat(c.to().asLong()).isEqualTo(operator.userId());
        });
        assertThat(events.get(6).detail()).containsEntry("text", "On it");
        assertThat(events.get(7).actorId()).isEqualTo(root.userId());
    }

    /**
     * The outbox keeps the body as text (V020): written and read back unchanged, and a web of the previous version,
     * which inserts {@code cast(... AS jsonb)}, still fills it during a rolling upgrade.
     */
    @Test
    void theOutboxKeepsTheBodyAsTextAndTakesThePreviousVersionsJsonb() throws SQLException {
        CardView card = cards.create(operator, "REQ", CardInput.of("Body as written", Map.of()));
        List<AuditEvent> mine = outbox();
        assertThat(mine).hasSize(1);
        AuditEvent e = mine.get(0);
        assertThat(e.cardKey()).isEqualTo(card.key());
        clearOutbox();
        AuditEvent old = new AuditEvent(AuditEvent.SCHEMA, UUID.randomUUID(), e.occurredAt(), "CARD_UPDATED",
                e.actorId(), e.actorEmail(), e.cardId(), card.key(), e.cardTypeId(), e.cardVersion(), null,
                List.of(), Map.of("k", "v"));
        try (Connection c = TestDatabase.connect();
                PreparedStatement ps = c.prepareStatement("INSERT INTO audit_outbox (event_id, occurred_at, payload) "
                        + "VALUES (?, now(), cast(? AS jsonb))")) {
            ps.setObject(1, old.eventId());
            ps.setString(2, AuditCodec.encodeText(old));
            ps.executeUpdate();
        }
        assertThat(outbox()).containsExactly(old);
        assertThat(TestDatabase.count("SELECT count(*) FROM information_schema.columns WHERE table_name = "
                + "'audit_outbox' AND column_name = 'payload' AND data_type = 'text'")).isEqualTo(1);
    }

    /**
     * The relay claims and deletes in one statement before it publishes (V021 era): a publisher that fails must
     * leave every row where it was, and a successful one removes exactly the oldest rows it was handed, in order.
     */
    @Test
    void theRelayRemovesRowsOnlyWhenThePublisherReturned() {
        clearOutbox();
        for (int i = 0; i < 3; i++) {
            cards.create(operator, "REQ", CardInput.of("Relay " + i, Map.of()));
        }
        List<AuditEvent> waiting = outbox();
        assertThat(waiting).hasSize(3);
        assertThatThrownBy(() -> relayOutbox.relay(10, rows -> {
            throw new java.io.IOException("broker gone");
        })).isInstanceOf(AuditOutbox.PublishFailedException.class).hasMessageContaining("broker gone");
        assertThat(outbox()).as("a failed publish rolls the claim back").isEqualTo(waiting);

        List<AuditOutbox.Pending> handed = new ArrayList<>();
        assertThat(relayOutbox.relay(2, handed::addAll)).isEqualTo(2);
        assertThat(handed).extracting(AuditOutbox.Pending::eventId)
                .containsExactly(waiting.get(0).eventId(), waiting.get(1).eventId());
        assertThat(handed.stream().map(p -> AuditCodec.decode(p.body())).toList())
                .containsExactly(waiting.get(0), waiting.get(1));
        assertThat(outbox()).containsExactly(waiting.get(2));
        assertThat(relayOutbox.relay(10, handed::addAll)).isEqualTo(1);
        assertThat(outbox()).isEmpty();
        assertThat(relayOutbox.relay(10, rows -> {
            throw new AssertionError("nothing to publish");
        })).isZero();
    }

    /**
     * A relay's round above the highest id it sent skips the rows at or below it (it would otherwise step over every
     * row deleted since the last VACUUM); a round from 0 takes them, as the relay's periodic full scan does for a row
     * that committed after higher ones had gone out.
     */
    @Test
    void aRoundAboveACursorLeavesTheRowsBelowItForARoundFromZero() {
        clearOutbox();
        for (int i = 0; i < 3; i++) {
            cards.create(operator, "REQ", CardInput.of("Cursor " + i, Map.of()));
        }
        List<AuditEvent> waiting = outbox();
        long second = TestDatabase.count("SELECT id FROM audit_outbox ORDER BY id OFFSET 1 LIMIT 1");

        List<AuditOutbox.Pending> handed = new ArrayList<>();
        assertThat(relayOutbox.relay(10, second, handed::addAll)).isEqualTo(1);
        assertThat(handed).extracting(AuditOutbox.Pending::eventId).containsExactly(waiting.get(2).eventId());
        assertThat(outbox()).containsExactly(waiting.get(0), waiting.get(1));
        assertThat(relayOutbox.relay(10, handed.get(0).id(), rows -> {
            throw new AssertionError("nothing above the cursor");
        })).isZero();

        handed.clear();
        assertThat(relayOutbox.relay(10, 0, handed::addAll)).isEqualTo(2);
        assertThat(handed).extracting(AuditOutbox.Pending::eventId)
                .containsExactly(waiting.get(0).eventId(), waiting.get(1).eventId());
        assertThat(outbox()).isEmpty();
    }

    @Test
    void aRefusedChangeLeavesNoEvent() {
        CardView card = cards.create(operator, "REQ", CardInput.of("A", Map.of()));
        clearOutbox();
        assertThatThrownBy(() -> cards.update(operator, card.key(), card.version() + 5, CardInput.of("B", Map.of())))
                .isInstanceOf(SphereException.class);
        assertThatThrownBy(() -> cards.delete(operator, card.key())).isInstanceOf(SphereException.class);
        assertThat(outbox()).isEmpty();
    }

    @Test
    void securityEventsGoToTheSameTrail() {
        LoginResult ok = sessions.login("operator@example.com", Fixtures.PASSWORD, "127.0.0.1", "test");
        sessions.login("operator@example.com", "wrong password here", "127.0.0.1", "test");
        sessions.login("nobody@example.com", "wrong password here", "127.0.0.1", "test");
        sessions.logout(((LoginResult.Success) ok).token());
        var token = tokens.create(operator, "ci");
        tokens.revoke(operator, token.view().id());
        fixtures.grant(root, type.id(), ops.id(), Action.DELETE);

        List<AuditEvent> events = outbox();
        assertThat(events).extracting(AuditEvent::action).containsExactly("LOGIN", "LOGIN_FAILED", "LOGIN_FAILED",
                "LOGOUT", "API_TOKEN_CREATED", "API_TOKEN_REVOKED", "PERMISSION_CHANGED");
        assertThat(events.get(1).actorId()).isEqualTo(operator.userId());
        assertThat(events.get(1).detail()).containsEntry("reason", "wrong-password");
        assertThat(events.get(2).actorId()).isNull();
        assertThat(events.get(2).actorEmail()).isEqualTo("nobody@example.com");
        assertThat(events.get(3).actorId()).isEqualTo(operator.userId());
        assertThat(events.get(6).changes()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("permission.group." + ops.id());
            assertThat(c.to().toString()).contains("DELETE");
        });
        assertThat(events).allSatisfy(e -> assertThat(e.cardId()).isNull());
    }

    @Test
    void storedEventsReadBackAsHistoryAsOfAndSearch() throws InterruptedException {
        CardView card = cards.create(operator, "REQ", new CardInput("First title", Map.of("count", 1), null, null,
                null, null));
        Thread.sleep(5);
        Instant between = Instant.now();
        Thread.sleep(5);
        CardView edited = cards.update(operator, card.key(), card.version(), new CardInput("Second title", Map.of(
                "count", 2, "category", "access"), null, null, null, null));
        cards.transition(operator, card.key(), edited.version(), "start");
        List<AuditEvent> events = outbox();
        assertThat(store.store(events)).isEqualTo(3);
        assertThat(store.store(events)).as("a redelivery is a no-op").isZero();

        var history = query.history(operator, card.key(), Optional.empty(), 2);
        assertThat(history.entries()).extracting(AuditQuery.Entry::action).containsExactly("CARD_TRANSITIONED",
                "CARD_UPDATED");
        var update = history.entries().get(1);
        assertThat(update.actorName()).contains("operator");
        assertThat(update.changes()).anySatisfy(c -> {
            assertThat(c.label()).isEqualTo("Category");
            assertThat(c.fromText()).isEqualTo("Hardware");
            assertThat(c.toText()).isEqualTo("Access");
        });
        var rest = query.history(operator, card.key(), history.nextCursor(), 2);
        assertThat(rest.entries()).extracting(AuditQuery.Entry::action).containsExactly("CARD_CREATED");
        assertThat(rest.nextCursor()).isEmpty();

        var then = query.asOf(operator, card.key(), between);
        assertThat(then.existed()).isTrue();
        assertThat(then.title()).isEqualTo("First title");
        assertThat(then.stageName()).isEqualTo("New");
        assertThat(then.fields()).anySatisfy(f -> {
            assertThat(f.key()).isEqualTo("count");
            assertThat(f.display()).isEqualTo("1");
        });
        var now = query.asOf(operator, card.key(), Instant.now().plusSeconds(1));
        assertThat(now.title()).isEqualTo("Second title");
        assertThat(now.stageName()).isEqualTo("In progress");
        assertThat(query.asOf(operator, card.key(), Instant.parse("2000-01-01T00:00:00Z")).existed()).isFalse();

        assertThat(code(() -> query.history(outsider, card.key(), Optional.empty(), 10)))
                .isEqualTo(ErrorCode.CARD_NOT_FOUND);
        assertThat(code(() -> query.asOf(outsider, card.key(), Instant.now()))).isEqualTo(ErrorCode.CARD_NOT_FOUND);
        assertThat(query.search(outsider, AuditQuery.Filter.none(), Optional.empty(), 50).entries()).isEmpty();
        assertThat(query.search(operator, AuditQuery.Filter.none(), Optional.empty(), 50).entries())
                .as("viewing is not administering").isEmpty();

        var byField = new AuditQuery.Filter(Optional.of("operator@example.com"), Optional.of("REQ"), Optional.of(
                card.key()), Optional.empty(), Optional.of("category"), Optional.empty(), Optional.empty());
        assertThat(query.search(root, byField, Optional.empty(), 50).entries()).extracting(AuditQuery.Entry::action)
                .containsExactly("CARD_UPDATED", "CARD_CREATED");
    }

    @Test
    void aBatchWrittenInMultiRowStatementsKeepsEveryColumnOfEveryEvent() {
        // 8 + 1 rows: the 8-row statement binds each event's 13 columns at its own offset
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            events.add(new AuditEvent(AuditEvent.SCHEMA, UUID.randomUUID(), at.plusMillis(i), "CARD_UPDATED",
                    root.userId(), "actor" + i + "@example.com", 100L + i, "REQ-" + i, 7L, (long) i,
                    UUID.randomUUID(), List.of(new AuditChange("field" + i, "text", TextNode.valueOf("a" + i),
                            TextNode.valueOf("b" + i))),
                    Map.of("n", "v" + i)));
        }
        assertThat(store.store(events)).isEqualTo(9);
        for (int i : new int[]{0, 5, 7, 8}) {
            AuditEvent e = events.get(i);
            assertThat(TestDatabase.count("""
                    SELECT count(*) FROM audit_event
                     WHERE event_id = ? AND occurred_at = ? AND actor_email = ? AND card_id = ? AND card_key = ?
                       AND card_type_id = 7 AND card_version = ? AND request_id = ? AND fields = ARRAY[?::text]
                       AND changes -> 0 ->> 'to' = ? AND detail ->> 'n' = ?""", e.eventId(),
                    java.sql.Timestamp.from(e.occurredAt()), e.actorEmail(), e.cardId(), e.cardKey(),
                    e.cardVersion(), e.requestId(), "field" + i, "b" + i, "v" + i)).as("event %d", i).isEqualTo(1);
        }
    }

    @Test
    void theTrailRefusesUpdateAndDeleteButAnExpiredPartitionCanBeDropped() throws SQLException {
        Instant old = Instant.parse("2019-03-10T12:00:00Z");
        store.store(List.of(new AuditEvent(AuditEvent.SCHEMA, UUID.randomUUID(), old, "LOGIN", root.userId(),
                root.email(), null, null, null, null, null, List.of(), Map.of())));
        try (Connection c = TestDatabase.connect(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("UPDATE audit_event SET action = 'LOGOUT'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM audit_event_2019_03"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThat(TestDatabase.count("SELECT count(*) FROM audit_event")).isEqualTo(1);
            st.execute("DROP TABLE audit_event_2019_03");
            assertThat(TestDatabase.count("SELECT count(*) FROM audit_event")).isZero();
        }
        store.forgetPartitions();
    }

    @Test
    void aCardLifecycleTakesAFewKilobytesOfTrail() {
        CardView card = cards.create(operator, "REQ", new CardInput("Printer broken", Map.of("category", "hardware",
                "summary", "The printer on floor 3 prints blank pages"), null, null, null, null));
        CardView v = card;
        v = cards.update(operator, card.key(), v.version(), new CardInput("Printer broken", Map.of("count", 2), null,
                null, null, null));
        v = cards.update(operator, card.key(), v.version(), new CardInput("Printer on floor 3 broken", Map.of(),
                Priority.HIGH, null, null, null));
        v = cards.update(operator, card.key(), v.version(), new CardInput("Printer on floor 3 broken", Map.of(
                "resolution", "New drum"), Priority.HIGH, null, null, null));
        v = cards.transition(operator, card.key(), v.version(), "start");
        cards.transition(operator, card.key(), v.version(), "done");
        List<AuditEvent> events = outbox();
        assertThat(events).hasSize(6);
        store.store(events);

        long rowBytes = TestDatabase.count("SELECT sum(pg_column_size(e.*)) FROM audit_event e WHERE card_key = ?",
                card.key());
        long outboxBytes = TestDatabase.count("SELECT sum(pg_column_size(o.*)) FROM audit_outbox o");
        System.out.printf("Audit storage of one card lifecycle (create + 3 edits + 2 transitions): %d bytes in"
                + " audit_event rows (without indexes), %d bytes while in the outbox%n", rowBytes, outboxBytes);
        assertThat(rowBytes).isBetween(500L, 20_000L);
    }

    private static ErrorCode code(Runnable r) {
        try {
            r.run();
        } catch (SphereException e) {
            return e.code();
        }
        return null;
    }

    public static List<AuditEvent> outbox() {
        List<AuditEvent> events = new ArrayList<>();
        try (Connection c = TestDatabase.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT payload::text FROM audit_outbox ORDER BY id")) {
            while (rs.next()) {
                events.add(AuditCodec.decode(rs.getString(1).getBytes()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return events;
    }

    public static void clearOutbox() {
        try (Connection c = TestDatabase.connect(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM audit_outbox");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
