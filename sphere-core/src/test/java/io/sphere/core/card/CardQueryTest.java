package io.sphere.core.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.sphere.core.card.CardFilter.Scope;
import io.sphere.core.cardtype.CardTypeView;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.group.GroupView;
import io.sphere.core.permission.Action;
import io.sphere.core.security.Actor;
import io.sphere.core.testing.Fixtures;
import io.sphere.core.testing.TestDatabase;

@QuarkusTest
class CardQueryTest {

    @Inject
    Fixtures fixtures;
    @Inject
    CardService cards;
    @Inject
    CardQuery query;

    Actor root;
    Actor operator;

    @BeforeEach
    void setUp() {
        TestDatabase.clean();
        root = fixtures.superuser();
        operator = fixtures.user("operator");
        GroupView ops = fixtures.group(root, "Operators", operator);
        CardTypeView req = fixtures.requestType(root, "REQ");
        fixtures.requestType(root, "HR");
        fixtures.grant(root, req.id(), ops.id(), Action.VIEW, Action.CREATE, Action.EDIT, Action.TRANSITION);
        Priority[] priorities = Priority.values();
        for (int i = 1; i <= 37; i++) {
            CardView c = cards.create(root, "REQ", new CardInput((i % 2 == 0 ? "Printer " : "Laptop ") + i,
                    Map.of("summary", i % 3 == 0 ? "toner cartridge empty" : "nothing special", "category",
                            i % 4 == 0 ? "software" : "hardware"),
                    priorities[i % 4], i % 5 == 0 ? null : Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i % 7),
                    i % 11 == 0 ? ops.id() : null, i % 6 == 0 ? operator.userId() : null));
            if (i % 10 == 0) {
                cards.transition(root, c.key(), c.version(), "start");
            }
            if (i % 9 == 0) {
                cards.watch(operator, c.key());
            }
        }
        for (int i = 0; i < 5; i++) {
            cards.create(root, "HR", CardInput.of("Printer secret " + i, Map.of()));
        }
        TestDatabase.execute("UPDATE card SET overdue = (number % 8 = 0)");
    }

    @Test
    void everySortPagesWithoutGapsOrRepeats() {
        for (CardSort.Column column : CardSort.Column.values()) {
            for (boolean desc : new boolean[]{true, false}) {
                CardSort sort = new CardSort(column, desc);
                List<CardSummary> all = walk(operator, CardFilter.all(), sort, 7);
                assertThat(all).as(sort.format()).hasSize(37);
                assertThat(all).extracting(CardSummary::key).doesNotHaveDuplicates();
                assertThat(all).as(sort.format()).isSortedAccordingTo(comparator(sort));
                assertThat(CardSort.parse(sort.format())).isEqualTo(sort);
            }
        }
        assertThat(walk(root, CardFilter.all(), CardSort.DEFAULT, 10)).hasSize(42);
    }

    @Test
    void filtersAndCountsRespectVisibility() {
        assertThat(total(operator, CardFilter.all())).isEqualTo(37);
        assertThat(total(root, CardFilter.all())).isEqualTo(42);
        assertThat(total(operator, CardFilter.all().type("REQ").stage("in_progress"))).isEqualTo(3);
        assertThat(total(operator, CardFilter.all().open(false))).isZero();
        assertThat(total(operator, CardFilter.all().scope(Scope.ASSIGNED_TO_ME))).isEqualTo(6);
        assertThat(total(operator, CardFilter.all().assignee(operator.userId()))).isEqualTo(6);
        assertThat(total(operator, CardFilter.all().scope(Scope.WATCHING))).isEqualTo(4);
        assertThat(total(operator, CardFilter.all().scope(Scope.MY_GROUPS))).isEqualTo(3);
        assertThat(total(root, CardFilter.all().scope(Scope.MY_GROUPS))).isZero();
        assertThat(total(operator, CardFilter.all().overdue(true))).isEqualTo(4);
        assertThat(total(operator, CardFilter.all().priority(Priority.URGENT))).isEqualTo(9);
        assertThat(total(operator, CardFilter.all().type("REQ").field("category", "software"))).isEqualTo(9);
        assertThat(total(operator, CardFilter.all().created(Instant.now().plusSeconds(60), null))).isZero();
        assertThat(total(operator, CardFilter.all().updated(Instant.now().minusSeconds(600),
                Instant.now().plusSeconds(60)))).isEqualTo(37);
        assertThat(catchThrowableOfType(SphereException.class, () -> total(operator,
                CardFilter.all().field("category", "software"))).code()).isEqualTo(ErrorCode.FILTER_INVALID);
        assertThat(catchThrowableOfType(SphereException.class, () -> query.list(operator, CardFilter.all(),
                CardSort.DEFAULT, Optional.of("garbage"), 10)).code()).isEqualTo(ErrorCode.FILTER_INVALID);
    }

    @Test
    void textSearchMatchesKeyTitleAndTextFieldsByPrefix() {
        assertThat(total(operator, CardFilter.all().text("print"))).isEqualTo(18);
        assertThat(total(root, CardFilter.all().text("print"))).isEqualTo(23);
        assertThat(total(operator, CardFilter.all().text("TONER cart"))).isEqualTo(12);
        assertThat(total(operator, CardFilter.all().text("printer toner"))).isEqualTo(6);
        assertThat(query.list(operator, CardFilter.all().text("REQ-17"), CardSort.DEFAULT, Optional.empty(), 10)
                .items()).extracting(CardSummary::key).contains("REQ-17");
        assertThat(total(operator, CardFilter.all().text("'&|!:*()"))).isZero();
        assertThat(walk(operator, CardFilter.all().text("laptop"), new CardSort(CardSort.Column.TITLE, false), 4))
                .hasSize(19);
    }

    @Test
    void pagingBackwardsGivesTheSamePagesAsForwards() {
        for (CardSort sort : List.of(CardSort.DEFAULT, new CardSort(CardSort.Column.DUE, false),
                new CardSort(CardSort.Column.PRIORITY, true), new CardSort(CardSort.Column.KEY, false))) {
            List<List<String>> forwards = new ArrayList<>();
            CardPage page = query.list(operator, CardFilter.all(), sort, Optional.empty(), 8);
            assertThat(page.previousCursor()).as("the first page has nothing before it").isEmpty();
            forwards.add(keys(page));
            while (page.nextCursor().isPresent()) {
                page = query.list(operator, CardFilter.all(), sort, page.nextCursor(), 8);
                assertThat(page.previousCursor()).isPresent();
                forwards.add(keys(page));
            }
            assertThat(forwards).hasSize(5);
            for (int i = forwards.size() - 2; i >= 0; i--) {
                page = query.listBefore(operator, CardFilter.all(), sort, page.previousCursor().orElseThrow(), 8);
                assertThat(keys(page)).as(sort.format() + " page " + i).isEqualTo(forwards.get(i));
                assertThat(page.total()).isEqualTo(37);
                assertThat(page.nextCursor()).isPresent();
            }
            assertThat(page.previousCursor()).as(sort.format() + ": back on the first page").isEmpty();
        }
        assertThat(catchThrowableOfType(SphereException.class, () -> query.listBefore(operator, CardFilter.all(),
                CardSort.DEFAULT, "garbage", 10)).code()).isEqualTo(ErrorCode.FILTER_INVALID);
    }

    @Test
    void myGroupsMergesEveryGroupInOrderAndNeverShowsATypeTheActorMayNotView() {
        GroupView night = fixtures.group(root, "Night shift", operator);
        GroupView others = fixtures.group(root, "Others");
        long ops = TestDatabase.count("SELECT id FROM user_group WHERE name = 'Operators'");
        List<String> expected = new ArrayList<>(List.of("REQ-11", "REQ-22", "REQ-33"));
        for (int i = 0; i < 9; i++) {
            long group = i % 3 == 0 ? night.id() : i % 3 == 1 ? others.id() : ops;
            CardView req = cards.create(root, "REQ", new CardInput("Inbox " + i, Map.of("summary", "x"),
                    Priority.values()[i % 4], null, group, null));
            if (group != others.id()) {
                expected.add(req.key());
            }
            // HR cards in the operator's own groups: the operator may not view HR, so they never show nor count
            cards.create(root, "HR", new CardInput("Hidden " + i, Map.of(), Priority.NORMAL, null,
                    i % 2 == 0 ? night.id() : ops, null));
        }
        TestDatabase.execute("UPDATE card SET created_at = created_at - (number * interval '1 minute')"
                + " WHERE title LIKE 'Inbox %'");
        CardFilter inbox = CardFilter.all().scope(Scope.MY_GROUPS);
        for (CardSort sort : List.of(new CardSort(CardSort.Column.CREATED, true),
                new CardSort(CardSort.Column.CREATED, false), CardSort.DEFAULT,
                new CardSort(CardSort.Column.PRIORITY, true), new CardSort(CardSort.Column.TITLE, false))) {
            List<CardSummary> all = walk(operator, inbox, sort, 2);
            assertThat(all).as(sort.format()).extracting(CardSummary::key)
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(all).as(sort.format()).isSortedAccordingTo(comparator(sort));
            // and backwards from the last page, the same cards in the same order
            CardPage page = query.list(operator, inbox, sort, Optional.empty(), 2);
            while (page.nextCursor().isPresent()) {
                page = query.list(operator, inbox, sort, page.nextCursor(), 2);
            }
            List<String> back = new ArrayList<>(keys(page));
            while (page.previousCursor().isPresent()) {
                page = query.listBefore(operator, inbox, sort, page.previousCursor().orElseThrow(), 2);
                back.addAll(0, keys(page));
            }
            assertThat(back).as(sort.format()).isEqualTo(all.stream().map(CardSummary::key).toList());
        }
        assertThat(query.list(operator, inbox, CardSort.DEFAULT, Optional.empty(), 5).totalIsLowerBound()).isFalse();
        assertThat(total(operator, inbox.open(true))).isEqualTo(expected.size());
        // a member of a group that may view nothing sees nothing, also of cards offered to that group
        Actor stranger = fixtures.user("stranger");
        GroupView idle = fixtures.group(root, "Idle", stranger);
        cards.create(root, "REQ", new CardInput("For the idle", Map.of("summary", "x"), Priority.NORMAL, null,
                idle.id(), null));
        assertThat(total(stranger, inbox)).isZero();
        assertThat(query.list(stranger, inbox, CardSort.DEFAULT, Optional.empty(), 5).items()).isEmpty();
        assertThat(total(stranger, CardFilter.all())).isZero();
        assertThat(catchThrowableOfType(SphereException.class, () -> total(stranger, CardFilter.all().type("REQ")))
                .code()).isEqualTo(ErrorCode.CARD_TYPE_NOT_FOUND);
    }

    @Test
    void totalIsExactUpToTheCapAndALowerBoundBeyond() {
        // The operator sees the 37 REQ cards; bulk cards of REQ (visible) and of HR (not visible) are added in SQL.
        TestDatabase.execute("INSERT INTO card (card_type_id, number, key, title, stage) SELECT t.id, n, 'HR-' || n,"
                + " 'Bulk ' || n, 'new' FROM card_type t, generate_series(1001, 13000) n WHERE t.key = 'HR'");
        int cap = CardQuery.TOTAL_CAP;
        TestDatabase.execute("INSERT INTO card (card_type_id, number, key, title, stage) SELECT t.id, n, 'REQ-' || n,"
                + " 'Bulk ' || n, 'new' FROM card_type t, generate_series(1001, ?) n WHERE t.key = 'REQ'",
                1000 + cap - 37);
        CardPage exact = query.list(operator, CardFilter.all(), CardSort.DEFAULT, Optional.empty(), 5);
        assertThat(exact.total()).as("exactly the cap, of visible cards only").isEqualTo(cap);
        assertThat(exact.totalIsLowerBound()).isFalse();
        assertThat(exact.items()).extracting(CardSummary::key).allMatch(k -> k.startsWith("REQ-"));

        TestDatabase.execute("INSERT INTO card (card_type_id, number, key, title, stage) SELECT t.id, 99999,"
                + " 'REQ-99999', 'One more', 'new' FROM card_type t WHERE t.key = 'REQ'");
        CardPage capped = query.list(operator, CardFilter.all(), CardSort.DEFAULT, Optional.empty(), 5);
        assertThat(capped.total()).isEqualTo(cap);
        assertThat(capped.totalIsLowerBound()).isTrue();
        CardPage everything = query.list(root, CardFilter.all(), CardSort.DEFAULT, Optional.empty(), 5);
        assertThat(everything.total()).isEqualTo(cap);
        assertThat(everything.totalIsLowerBound()).isTrue();
        // small lists keep their exact count
        CardPage small = query.list(operator, CardFilter.all().stage("in_progress"), CardSort.DEFAULT,
                Optional.empty(), 5);
        assertThat(small.total()).isEqualTo(3);
        assertThat(small.totalIsLowerBound()).isFalse();
    }

    private static List<String> keys(CardPage page) {
        return page.items().stream().map(CardSummary::key).toList();
    }

    private List<CardSummary> walk(Actor actor, CardFilter filter, CardSort sort, int pageSize) {
        List<CardSummary> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        long total = -1;
        do {
            CardPage page = query.list(actor, filter, sort, cursor, pageSize);
            total = page.total();
            assertThat(page.items().size()).isLessThanOrEqualTo(pageSize);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        assertThat(all).hasSize((int) total);
        return all;
    }

    private long total(Actor actor, CardFilter filter) {
        return query.list(actor, filter, CardSort.DEFAULT, Optional.empty(), 5).total();
    }

    private static Comparator<CardSummary> comparator(CardSort sort) {
        Comparator<CardSummary> c = switch (sort.column()) {
            case UPDATED -> Comparator.comparing(CardSummary::updatedAt);
            case CREATED -> Comparator.comparing(CardSummary::createdAt);
            case KEY -> Comparator.comparing(s -> Long.parseLong(s.key().substring(s.key().indexOf('-') + 1)));
            case TITLE -> (a, b) -> 0;
            case PRIORITY -> Comparator.comparing(CardSummary::priority);
            case DUE -> Comparator.comparing(s -> s.dueAt().orElse(Instant.MAX));
            case STAGE -> Comparator.comparing(CardSummary::stage);
            // text orders follow the database's collation, which Java's comparison need not share
            case ASSIGNEE, TYPE -> (a, b) -> 0;
        };
        return sort.descending() ? c.reversed() : c;
    }
}
