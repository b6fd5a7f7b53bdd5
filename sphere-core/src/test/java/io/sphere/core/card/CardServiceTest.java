package io.sphere.core.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.sphere.core.cardtype.CardTypeService;
import io.sphere.core.cardtype.CardTypeView;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.error.ValidationException;
import io.sphere.core.error.ValidationException.FieldError;
import io.sphere.core.group.GroupRef;
import io.sphere.core.group.GroupService;
import io.sphere.core.group.GroupView;
import io.sphere.core.permission.Action;
import io.sphere.core.security.Actor;
import io.sphere.core.testing.Fixtures;
import io.sphere.core.testing.TestDatabase;
import io.sphere.core.user.UserRef;

@QuarkusTest
class CardServiceTest {

    @Inject
    Fixtures fixtures;
    @Inject
    CardService cards;
    @Inject
    CardTypeService types;
    @Inject
    GroupService groups;

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
        GroupView managers = fixtures.group(root, "Managers");
        type = types.create(root, "REQ", "Requests", "", Fixtures.requestDefinition(List.of(managers.id())));
        fixtures.grant(root, type.id(), ops.id(), Action.VIEW, Action.CREATE, Action.EDIT, Action.TRANSITION);
    }

    @Test
    void createsACardWithConvertedValuesAndDefaults() {
        Map<String, Object> values = new HashMap<>();
        values.put("amount", "1 234,5");
        values.put("count", 7);
        values.put("needed_by", "2026-12-31");
        values.put("happened_at", "2026-11-01T10:15:30+03:00");
        values.put("urgent", "on");
        values.put("tags", List.of("b", "a", "b"));
        values.put("owner", String.valueOf(operator.userId()));
        values.put("contact", " Bob@Example.COM ");
        values.put("link", "https://example.com/a?b=c");
        values.put("code", "ABC");
        CardView card = cards.create(operator, "REQ", new CardInput("  Printer broken ", values, Priority.HIGH,
                null, ops.id(), null));

        assertThat(card.key()).isEqualTo("REQ-1");
        assertThat(card.title()).isEqualTo("Printer broken");
        assertThat(card.stage()).isEqualTo("new");
        assertThat(card.stageName()).isEqualTo("New");
        assertThat(card.priority()).isEqualTo(Priority.HIGH);
        assertThat(card.watching()).isTrue();
        assertThat(card.candidateGroup()).get().extracting(GroupRef::name).isEqualTo("Operators");
        assertThat(card.field("amount").orElseThrow().value()).isEqualTo("1234.50");
        assertThat(card.field("count").orElseThrow().value()).isEqualTo(new BigDecimal("7"));
        assertThat(card.field("needed_by").orElseThrow().value()).isEqualTo("2026-12-31");
        assertThat(card.field("happened_at").orElseThrow().value()).isEqualTo("2026-11-01T07:15:30Z");
        assertThat(card.field("urgent").orElseThrow().value()).isEqualTo(true);
        assertThat(card.field("tags").orElseThrow().value()).isEqualTo(List.of("b", "a"));
        assertThat(card.field("tags").orElseThrow().display()).isEqualTo("Beta, Alpha");
        assertThat(card.field("owner").orElseThrow().display()).isEqualTo("operator");
        assertThat(card.field("contact").orElseThrow().value()).isEqualTo("bob@example.com");
        assertThat(card.field("category").orElseThrow().value()).as("default").isEqualTo("hardware");
        assertThat(card.field("category").orElseThrow().display()).isEqualTo("Hardware");
        assertThat(TestDatabase.count("SELECT count(*) FROM card WHERE field_values @> '{\"amount\":\"1234.50\"}'"
                + " AND field_values @> '{\"count\":7}' AND search @@ to_tsquery('simple', 'printer')")).isEqualTo(1);
    }

    @Test
    void reportsEveryBadValueAtOnce() {
        Map<String, Object> values = new HashMap<>();
        values.put("nope", "x");
        values.put("count", "seven");
        values.put("amount", "1.234");
        values.put("needed_by", "31.12.2026");
        values.put("happened_at", "yesterday");
        values.put("urgent", "maybe");
        values.put("category", "furniture");
        values.put("tags", List.of("a", "z"));
        values.put("owner", "999999");
        values.put("contact", "not-an-email");
        values.put("link", "javascript:alert(1)");
        values.put("code", "abc");
        values.put("summary", "x".repeat(20_001));
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> cards.create(operator, "REQ", new CardInput("t".repeat(301), values, null, null, 4242L,
                        999_999L)));
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(e.errors()).extracting(FieldError::field, FieldError::code).contains(
                org.assertj.core.groups.Tuple.tuple("title", ErrorCode.TITLE_TOO_LONG),
                org.assertj.core.groups.Tuple.tuple("nope", ErrorCode.FIELD_UNKNOWN),
                org.assertj.core.groups.Tuple.tuple("count", ErrorCode.FIELD_NOT_NUMBER),
                org.assertj.core.groups.Tuple.tuple("amount", ErrorCode.FIELD_NOT_MONEY),
                org.assertj.core.groups.Tuple.tuple("needed_by", ErrorCode.FIELD_NOT_DATE),
                org.assertj.core.groups.Tuple.tuple("happened_at", ErrorCode.FIELD_NOT_DATE_TIME),
                org.assertj.core.groups.Tuple.tuple("urgent", ErrorCode.FIELD_NOT_BOOLEAN),
                org.assertj.core.groups.Tuple.tuple("category", ErrorCode.FIELD_OPTION_UNKNOWN),
                org.assertj.core.groups.Tuple.tuple("tags", ErrorCode.FIELD_OPTION_UNKNOWN),
                org.assertj.core.groups.Tuple.tuple("owner", ErrorCode.FIELD_USER_UNKNOWN),
                org.assertj.core.groups.Tuple.tuple("contact", ErrorCode.FIELD_NOT_EMAIL),
                org.assertj.core.groups.Tuple.tuple("link", ErrorCode.FIELD_NOT_URL),
                org.assertj.core.groups.Tuple.tuple("code", ErrorCode.FIELD_PATTERN_MISMATCH),
                org.assertj.core.groups.Tuple.tuple("summary", ErrorCode.FIELD_TOO_LONG),
                org.assertj.core.groups.Tuple.tuple("candidateGroupId", ErrorCode.CANDIDATE_GROUP_UNKNOWN),
                org.assertj.core.groups.Tuple.tuple("assigneeId", ErrorCode.ASSIGNEE_UNKNOWN));
        assertThat(e.errors()).noneMatch(err -> err.field().equals("category")
                && err.code() == ErrorCode.FIELD_REQUIRED);
        assertThat(TestDatabase.count("SELECT count(*) FROM card")).isZero();
    }

    @Test
    void aCardIsOfferedOnlyToAGroupTheActorBelongsTo() {
        GroupView finance = fixtures.group(root, "Finance");
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> cards.create(operator, "REQ", new CardInput("Invoice", Map.of(), null, null, finance.id(),
                        null)));
        assertThat(e.errors()).extracting(FieldError::field, FieldError::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("candidateGroupId", ErrorCode.CANDIDATE_GROUP_NOT_MEMBER));
        assertThat(cards.problemsOfNew(operator, "REQ", new CardInput("Invoice", Map.of(), null, null,
                finance.id(), null))).extracting(FieldError::code).containsExactly(
                        ErrorCode.CANDIDATE_GROUP_NOT_MEMBER);
        assertThat(TestDatabase.count("SELECT count(*) FROM card")).isZero();

        CardView mine = cards.create(operator, "REQ", new CardInput("Printer", Map.of(), null, null, ops.id(), null));
        assertThat(mine.candidateGroup()).get().extracting(GroupRef::name).isEqualTo("Operators");
        CardView offered = cards.create(root, "REQ", new CardInput("Budget", Map.of(), null, null, finance.id(),
                null));
        assertThat(offered.candidateGroup()).get().extracting(GroupRef::name).isEqualTo("Finance");

        // the group a card already has stays allowed to someone outside it; moving it there is not
        CardView kept = cards.update(operator, offered.key(), offered.version(), new CardInput("Budget 2027",
                Map.of(), null, null, finance.id(), null));
        assertThat(kept.candidateGroup()).get().extracting(GroupRef::name).isEqualTo("Finance");
        ValidationException moved = catchThrowableOfType(ValidationException.class,
                () -> cards.update(operator, mine.key(), mine.version(), new CardInput("Printer", Map.of(), null,
                        null, finance.id(), null)));
        assertThat(moved.errors()).extracting(FieldError::code).containsExactly(
                ErrorCode.CANDIDATE_GROUP_NOT_MEMBER);
    }

    @Test
    void anAnswerNamesTheActorAndTheirGroupAsTheyAreNow() {
        // both names come with the permission statement of the same request, never from an earlier one
        CardView card = cards.create(operator, "REQ", new CardInput("Printer", Map.of(), null, null, ops.id(), null));
        assertThat(card.createdBy()).get().extracting(UserRef::displayName).isEqualTo("operator");
        assertThat(card.watchers()).extracting(UserRef::displayName).containsExactly("operator");

        groups.rename(root, ops.id(), "Front office", "");
        TestDatabase.execute("UPDATE app_user SET display_name = 'Olga' WHERE id = ?", operator.userId());
        CardView moved = cards.transition(operator, card.key(), card.version(), "start");
        assertThat(moved.createdBy()).get().extracting(UserRef::displayName).isEqualTo("Olga");
        assertThat(moved.updatedBy()).get().extracting(UserRef::email).isEqualTo(operator.email());
        assertThat(moved.watchers()).extracting(UserRef::displayName).containsExactly("Olga");
        assertThat(moved.candidateGroup()).get().extracting(GroupRef::name).isEqualTo("Front office");

        // someone else's answer names the operator from the user table, and a group they are not in by its row
        CardView seen = cards.get(root, card.key());
        assertThat(seen.createdBy()).get().extracting(UserRef::displayName).isEqualTo("Olga");
        assertThat(seen.candidateGroup()).get().extracting(GroupRef::name).isEqualTo("Front office");
    }

    @Test
    void rangesLengthsAndRequiredFields() {
        assertThat(errors(Map.of("count", "1001"))).containsEntry("count", ErrorCode.FIELD_ABOVE_MAX);
        assertThat(errors(Map.of("count", "-1"))).containsEntry("count", ErrorCode.FIELD_BELOW_MIN);
        assertThat(errors(Map.of("code", "A"))).containsEntry("code", ErrorCode.FIELD_TOO_SHORT);
        assertThat(errors(Map.of("code", "ABCDEFGHI"))).containsEntry("code", ErrorCode.FIELD_TOO_LONG);
        assertThat(errors(Map.of("category", ""))).containsEntry("category", ErrorCode.FIELD_REQUIRED);
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> cards.create(operator, "REQ", CardInput.of(" ", Map.of())));
        assertThat(e.errors()).extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("title", ErrorCode.TITLE_REQUIRED));
    }

    @Test
    void staleVersionIsAConflictCarryingTheCurrentCard() {
        CardView card = cards.create(operator, "REQ", CardInput.of("Printer", Map.of("summary", "jam")));
        CardView first = cards.update(operator, card.key(), card.version(),
                CardInput.of("Printer on floor 2", Map.of()));
        assertThat(first.field("summary").orElseThrow().value()).as("absent keys are kept").isEqualTo("jam");
        CardConflictException e = catchThrowableOfType(CardConflictException.class, () -> cards.update(root,
                card.key(), card.version(), CardInput.of("Mine", Map.of())));
        assertThat(e.code()).isEqualTo(ErrorCode.CARD_VERSION_CONFLICT);
        assertThat(e.current().title()).isEqualTo("Printer on floor 2");
        assertThat(e.current().version()).isEqualTo(first.version());
        assertThat(code(() -> cards.transition(operator, card.key(), card.version(), "start")))
                .isEqualTo(ErrorCode.CARD_VERSION_CONFLICT);
        assertThat(cards.get(root, card.key()).title()).isEqualTo("Printer on floor 2");
    }

    @Test
    void transitionsCheckStageGroupAndRequiredFields() {
        CardView card = cards.create(operator, "REQ", CardInput.of("Printer", Map.of()));
        assertThat(cards.allowedTransitions(operator, card)).extracting(TransitionView::key).containsExactly("start");
        assertThat(cards.allowedTransitions(root, card)).extracting(TransitionView::key)
                .containsExactly("start", "reject");
        assertThat(code(() -> cards.transition(operator, card.key(), card.version(), "reject")))
                .isEqualTo(ErrorCode.TRANSITION_GROUP_DENIED);
        assertThat(code(() -> cards.transition(operator, card.key(), card.version(), "done")))
                .isEqualTo(ErrorCode.TRANSITION_WRONG_STAGE);
        assertThat(code(() -> cards.transition(operator, card.key(), card.version(), "fly")))
                .isEqualTo(ErrorCode.TRANSITION_UNKNOWN);

        CardView started = cards.transition(operator, card.key(), card.version(), "start");
        assertThat(started.stage()).isEqualTo("in_progress");
        ValidationException missing = catchThrowableOfType(ValidationException.class,
                () -> cards.transition(operator, card.key(), started.version(), "done"));
        assertThat(missing.code()).isEqualTo(ErrorCode.TRANSITION_FIELDS_REQUIRED);
        assertThat(missing.errors()).extracting(FieldError::field).containsExactly("resolution");
        assertThat(cards.allowedTransitions(operator, started).get(0).missingFields()).containsExactly("resolution");

        CardView resolved = cards.update(operator, card.key(), started.version(),
                CardInput.of("Printer", Map.of("resolution", "Replaced the drum")));
        CardView done = cards.transition(operator, card.key(), resolved.version(), "done");
        assertThat(done.closed()).isTrue();
        assertThat(done.closedAt()).isPresent();
        CardView reopened = cards.transition(operator, card.key(), done.version(), "reopen");
        assertThat(reopened.closed()).isFalse();
        assertThat(reopened.closedAt()).isEmpty();
    }

    @Test
    void transitionFillsInOnlyTheFieldsItAsksFor() {
        CardView card = cards.create(operator, "REQ", CardInput.of("Printer", Map.of()));
        CardView started = cards.transition(operator, card.key(), card.version(), "start");

        ValidationException other = catchThrowableOfType(ValidationException.class, () -> cards.transition(
                operator, card.key(), started.version(), "done", Map.of("resolution", "Fixed", "count", "3")));
        assertThat(other.code()).isEqualTo(ErrorCode.TRANSITION_FIELDS_REQUIRED);
        assertThat(other.errors()).extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("count", ErrorCode.FIELD_UNKNOWN));
        ValidationException tooLong = catchThrowableOfType(ValidationException.class, () -> cards.transition(
                operator, card.key(), started.version(), "done", Map.of("resolution", "x".repeat(1_001))));
        assertThat(tooLong.errors()).extracting(FieldError::code).containsExactly(ErrorCode.FIELD_TOO_LONG);
        ValidationException blank = catchThrowableOfType(ValidationException.class, () -> cards.transition(
                operator, card.key(), started.version(), "done", Map.of("resolution", " ")));
        assertThat(blank.errors()).extracting(FieldError::code).containsExactly(ErrorCode.FIELD_REQUIRED);
        assertThat(cards.get(operator, card.key()).field("resolution").orElseThrow().value()).isNull();

        CardView done = cards.transition(operator, card.key(), started.version(), "done",
                Map.of("resolution", "Replaced the drum"));
        assertThat(done.stage()).isEqualTo("done");
        assertThat(done.field("resolution").orElseThrow().value()).isEqualTo("Replaced the drum");
        assertThat(code(() -> cards.transition(outsider, card.key(), done.version(), "reopen", Map.of())))
                .isEqualTo(ErrorCode.CARD_NOT_FOUND);
    }

    @Test
    void assigneesAreActiveViewersOfTheTypeShownToEditorsOnly() {
        Actor viewer = fixtures.user("viewer");
        GroupView viewers = fixtures.group(root, "Viewers", viewer);
        fixtures.grant(root, type.id(), viewers.id(), Action.VIEW);
        CardView card = cards.create(operator, "REQ", CardInput.of("Printer", Map.of()));
        assertThat(cards.assignees(operator, card.key(), 100)).extracting(u -> u.email())
                .containsExactlyInAnyOrder("root@example.com", "operator@example.com", "viewer@example.com");
        assertThat(cards.assignees(viewer, card.key(), 100)).isEmpty();
        assertThat(code(() -> cards.assignees(outsider, card.key(), 100))).isEqualTo(ErrorCode.CARD_NOT_FOUND);
    }

    @Test
    void problemsAreReportedWithoutWritingAnything() {
        assertThat(cards.problemsOfNew(operator, "REQ", CardInput.of(" ", Map.of("count", "abc"))))
                .extracting(FieldError::field).containsExactlyInAnyOrder("title", "count");
        assertThat(cards.problemsOfNew(operator, "REQ", CardInput.of("Fine", Map.of()))).isEmpty();
        assertThat(TestDatabase.count("SELECT count(*) FROM card")).isZero();
        assertThat(code(() -> cards.problemsOfNew(outsider, "REQ", CardInput.of("x", Map.of()))))
                .isEqualTo(ErrorCode.CARD_TYPE_NOT_FOUND);

        CardView card = cards.create(operator, "REQ", CardInput.of("Printer", Map.of()));
        assertThat(cards.problemsOfUpdate(operator, card.key(), CardInput.of("Printer", Map.of("link", "ftp://x"))))
                .extracting(FieldError::code).containsExactly(ErrorCode.FIELD_NOT_URL);
        assertThat(code(() -> cards.problemsOfUpdate(outsider, card.key(), CardInput.of("x", Map.of()))))
                .isEqualTo(ErrorCode.CARD_NOT_FOUND);
        assertThat(cards.get(operator, card.key()).version()).isEqualTo(card.version());
    }

    @Test
    void humanKeysAreNeverReusedEvenAfterDelete() {
        fixtures.grant(root, type.id(), ops.id(), Action.DELETE);
        CardView one = cards.create(operator, "REQ", CardInput.of("One", Map.of()));
        CardView two = cards.create(operator, "REQ", CardInput.of("Two", Map.of()));
        cards.delete(operator, two.key());
        assertThat(code(() -> cards.get(root, two.key()))).isEqualTo(ErrorCode.CARD_NOT_FOUND);
        catchThrowableOfType(ValidationException.class,
                () -> cards.create(operator, "REQ", CardInput.of("", Map.of())));
        CardView three = cards.create(operator, "REQ", CardInput.of("Three", Map.of()));
        assertThat(List.of(one.key(), two.key(), three.key())).containsExactly("REQ-1", "REQ-2", "REQ-3");
    }

    @Test
    void concurrentCreatesGetDistinctNumbers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Callable<String>> tasks = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                tasks.add(() -> cards.create(operator, "REQ", CardInput.of("Card " + n, Map.of())).key());
            }
            List<String> keys = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(tasks)) {
                keys.add(f.get());
            }
            assertThat(keys).doesNotHaveDuplicates().hasSize(20);
            assertThat(TestDatabase.count("SELECT max(number) FROM card")).isEqualTo(20);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void creatingCardsLeavesTheCardTypeRowAlone() {
        // the counter has a narrow row of its own: a new version of the wide type row per card bloated card_type
        String typeRowVersion = "SELECT xmin::text::bigint FROM card_type WHERE key = 'REQ'";
        long before = TestDatabase.count(typeRowVersion);
        for (int i = 1; i <= 3; i++) {
            assertThat(cards.create(operator, "REQ", CardInput.of("Card " + i, Map.of())).key()).isEqualTo("REQ-" + i);
        }
        assertThat(TestDatabase.count(typeRowVersion)).isEqualTo(before);
        assertThat(TestDatabase.count("SELECT c.next_number FROM card_type_counter c JOIN card_type t "
                + "ON t.id = c.card_type_id WHERE t.key = 'REQ'")).isEqualTo(4);
    }

    @Test
    void assignWatchAndComment() {
        CardView card = cards.create(root, "REQ", CardInput.of("Printer", Map.of()));
        assertThat(cards.assign(operator, card.key(), operator.userId()).assignee()).get()
                .extracting(u -> u.email()).isEqualTo("operator@example.com");
        assertThat(code(() -> cards.assign(operator, card.key(), outsider.userId())))
                .isEqualTo(ErrorCode.ASSIGNEE_CANNOT_VIEW);
        assertThat(code(() -> cards.assign(operator, card.key(), 999_999L))).isEqualTo(ErrorCode.ASSIGNEE_UNKNOWN);
        assertThat(cards.assign(operator, card.key(), null).assignee()).isEmpty();

        cards.watch(operator, card.key());
        cards.watch(operator, card.key());
        assertThat(cards.get(operator, card.key()).watching()).isTrue();
        cards.unwatch(operator, card.key());
        assertThat(cards.get(operator, card.key()).watching()).isFalse();

        cards.comment(operator, card.key(), "  <b>hi</b> https://example.com  ");
        assertThat(code(() -> cards.comment(operator, card.key(), "   "))).isEqualTo(ErrorCode.COMMENT_EMPTY);
        assertThat(code(() -> cards.comment(operator, card.key(), "x".repeat(10_001))))
                .isEqualTo(ErrorCode.COMMENT_TOO_LONG);
        cards.comment(operator, card.key(), "x".repeat(10_000));
        assertThat(cards.comments(root, card.key())).extracting(CommentView::text).first()
                .isEqualTo("<b>hi</b> https://example.com");
        assertThat(cards.comments(root, card.key())).hasSize(2);
    }

    @Test
    void overdueCardsAreFlaggedOnce() {
        CardView late = cards.create(operator, "REQ", new CardInput("Late", Map.of(), null,
                Instant.now().minusSeconds(3600), null, null));
        cards.create(operator, "REQ", new CardInput("Later", Map.of(), null, Instant.now().plusSeconds(3600), null,
                null));
        assertThat(late.overdue()).isTrue();
        TestDatabase.execute("UPDATE card SET overdue = false");
        assertThat(cards.flagOverdue()).containsExactly("REQ-1");
        assertThat(cards.flagOverdue()).isEmpty();
    }

    private Map<String, ErrorCode> errors(Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(values);
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> cards.create(operator, "REQ", CardInput.of("t", all)));
        assertThat(e).as(values.toString()).isNotNull();
        Map<String, ErrorCode> map = new HashMap<>();
        e.errors().forEach(err -> map.put(err.field(), err.code()));
        return map;
    }

    private static ErrorCode code(Runnable r) {
        SphereException e = catchThrowableOfType(SphereException.class, r::run);
        assertThat(e).as("expected a refusal").isNotNull();
        return e.code();
    }
}
