package io.sphere.web.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sphere.core.card.CardInput;
import io.sphere.core.card.CardService;
import io.sphere.core.card.CardView;
import io.sphere.core.group.GroupRef;
import io.sphere.core.testing.TestDatabase;
import io.sphere.web.support.WebClient;

/** The card form, the card page and its actions, through the pages as a browser uses them. */
@QuarkusTest
class CardPageTest {

    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    @Inject
    CardWorld world;

    @Inject
    CardService cards;

    @BeforeEach
    void world() {
        TestDatabase.clean();
        world.build();
    }

    @Test
    void formIsGeneratedFromTheTypeWithEveryKindRequiredMarkersDefaultsAndHelp() {
        WebClient olga = world.browser(world.olga);
        Response r = olga.get("/cards/new?type=REQ");
        assertThat(r.statusCode()).isEqualTo(200);
        String page = r.asString();
        assertThat(page).contains("<h1>New card: Request</h1>")
                .contains("<textarea id=\"field-summary\" name=\"f.summary\"")
                .contains("id=\"field-amount\" name=\"f.amount\" type=\"number\" step=\"0.01\"")
                .contains("Expected cost, if any")
                .contains("id=\"field-count\" name=\"f.count\" type=\"number\" step=\"any\"")
                .contains("id=\"field-needed_by\" name=\"f.needed_by\" type=\"date\"")
                .contains("id=\"field-happened_at\" name=\"f.happened_at\" type=\"datetime-local\"")
                .contains("<select id=\"field-urgent\" name=\"f.urgent\"")
                .contains("<select id=\"field-category\" name=\"f.category\" required")
                .contains("<option value=\"hardware\" selected>Hardware</option>")
                .contains("type=\"checkbox\" name=\"f.tags\" value=\"a\"")
                .contains("<select id=\"field-owner\" name=\"f.owner\"")
                .contains("Olga &lt;olga@example.com&gt;")
                .doesNotContain("nina@example.com")
                .contains("id=\"field-contact\" name=\"f.contact\" type=\"email\"")
                .contains("id=\"field-link\" name=\"f.link\" type=\"url\"")
                .contains("id=\"field-code\" name=\"f.code\" type=\"text\" maxlength=\"8\"")
                .contains("Category <span class=\"required\"")
                .doesNotContain("Count <span class=\"required\"");

        String chooser = olga.get("/cards/new").asString();
        assertThat(chooser).contains("id=\"new-REQ\"").doesNotContain("id=\"new-SEC\"");
        assertThat(world.browser(world.victor).get("/cards/new").asString()).contains("id=\"no-types\"");
    }

    @Test
    void createsACardFromEveryKindOfFieldAndRedirectsToIt() {
        WebClient olga = world.browser(world.olga);
        olga.get("/cards/new?type=REQ");
        Response created = Forms.of("type", "REQ", "title", "Printer & scanner on floor 3", "priority", "HIGH",
                "dueAt", "2030-01-15T09:30", "f.summary", "Line one\nLine two", "f.amount", "12,5", "f.count", "3",
                "f.needed_by", "2030-01-20", "f.happened_at", "2026-11-30T08:15", "f.urgent", "true",
                "f.category", "software", "f.tags", "", "f.owner", String.valueOf(world.olga.userId()),
                "f.contact", "Help@Example.com", "f.link", "https://example.com/printers?floor=3", "f.code", "PRN")
                .add("f.tags", "a").add("f.tags", "b").post(olga, "/cards");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(303);
        assertThat(created.header("Location")).endsWith("/cards/REQ-1");

        CardView card = cards.get(world.olga, "REQ-1");
        assertThat(card.title()).isEqualTo("Printer & scanner on floor 3");
        assertThat(card.field("amount").orElseThrow().value()).isEqualTo("12.50");
        assertThat(card.field("happened_at").orElseThrow().value()).isEqualTo("2026-11-30T08:15:00Z");
        assertThat(card.field("tags").orElseThrow().value()).isEqualTo(java.util.List.of("a", "b"));
        assertThat(card.dueAt()).contains(Instant.parse("2030-01-15T09:30:00Z"));

        String page = olga.get("/cards/REQ-1").asString();
        assertThat(page).contains("<h1 id=\"card-title\">Printer &amp; scanner on floor 3</h1>")
                .contains("<nav class=\"card-tabs\"")
                .contains("id=\"card-stage\">New<")
                .contains("id=\"card-priority\">High<")
                .contains("id=\"card-due\">2030-01-15 09:30<")
                .contains("id=\"value-category\">Software<")
                .contains("id=\"value-tags\">Alpha, Beta<")
                .contains("id=\"value-urgent\">Yes<")
                .contains("id=\"value-owner\">Olga<")
                .contains("id=\"value-happened_at\">2026-11-30 08:15<")
                .contains("<a href=\"mailto:help@example.com\"")
                .contains("<a href=\"https://example.com/printers?floor=3\" rel=\"nofollow noopener noreferrer\">")
                .contains("id=\"card-watchers\">Olga<");
    }

    @Test
    void everyBadInputIsAnsweredNextToItsFieldWithTheInputKept() {
        WebClient olga = world.browser(world.olga);
        olga.get("/cards/new?type=REQ");
        Response r = Forms.of("type", "REQ", "title", " ", "f.count", "abc", "f.category", "nonsense",
                "f.contact", "not-mail", "f.link", "javascript:alert(1)", "f.code", "TOOLONGVALUE",
                "f.amount", "1.234", "f.needed_by", "31/12/2026", "f.happened_at", "yesterday", "f.urgent", "maybe",
                "f.owner", "999999", "f.tags", "zzz", "f.bogus", "1").post(olga, "/cards");
        assertThat(r.statusCode()).isEqualTo(422);
        String page = r.asString();
        assertThat(page).contains("id=\"field-title-error\">Enter a title.<")
                .contains("id=\"field-count-error\">Enter a number.<")
                .contains("id=\"field-category-error\">&quot;nonsense&quot; is not one of the choices.<")
                .contains("id=\"field-contact-error\">Enter a valid e-mail address.<")
                .contains("id=\"field-link-error\">Enter an http(s) link.<")
                .contains("id=\"field-code-error\">At most 8 characters.<")
                .contains("id=\"field-amount-error\">Enter an amount with at most two decimals.<")
                .contains("id=\"field-needed_by-error\">Enter a date.<")
                .contains("id=\"field-happened_at-error\">Enter a date and time.<")
                .contains("id=\"field-urgent-error\">Choose yes or no.<")
                .contains("id=\"field-owner-error\">No active user with this id.<")
                .contains("id=\"field-tags-error\">&quot;zzz&quot; is not one of the choices.<")
                .contains("id=\"form-errors\"").contains("There is no field bogus.")
                .contains("value=\"abc\"").contains("value=\"TOOLONGVALUE\"").contains("value=\"not-mail\"")
                .contains("value=\"javascript:alert(1)\"");
        assertThat(TestDatabase.count("SELECT count(*) FROM card")).isZero();

        Response missing = Forms.of("type", "REQ", "title", "x".repeat(301), "f.category", "",
                "f.summary", "y".repeat(20_001)).post(olga, "/cards");
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.asString())
                .contains("id=\"field-title-error\">The title is too long (at most 300 characters).<")
                .contains("id=\"field-category-error\">This field is required.<")
                .contains("id=\"field-summary-error\">At most 20000 characters.<");

        Response badDates = Forms.of("type", "REQ", "title", "", "f.category", "hardware", "priority",
                "EXTREME", "dueAt", "soon", "f.count", "-1").post(olga, "/cards");
        assertThat(badDates.statusCode()).isEqualTo(422);
        assertThat(badDates.asString()).contains("id=\"field-priority-error\">Choose one of the priorities.<")
                .contains("id=\"field-dueAt-error\">Enter a date and time.<").contains("value=\"soon\"")
                .as("the form's own problems and core's, in one answer")
                .contains("id=\"field-title-error\">Enter a title.<").contains("id=\"field-count-error\">At least 0.<");
        assertThat(TestDatabase.count("SELECT count(*) FROM card")).isZero();

        WebClient russian = world.browser(world.olga).language("ru");
        russian.get("/cards/new?type=REQ");
        String ru = Forms.of("type", "REQ", "title", "Принтер", "f.count", "abc").post(russian, "/cards").asString();
        assertThat(ru).contains("Новая карточка: Request").contains("id=\"field-count-error\">Введите число.<")
                .contains("value=\"Принтер\"");
    }

    @Test
    void commentsAreEscapedWithTheirLinksMadeClickable() {
        String key = cards.create(world.olga, "REQ", CardInput.of("<b>Bold</b> printer", Map.of())).key();
        WebClient olga = world.browser(world.olga);
        assertThat(olga.get("/cards/" + key).asString()).contains("&lt;b&gt;Bold&lt;/b&gt; printer")
                .doesNotContain("<b>Bold</b>").contains("id=\"comments-empty\"");
        Response posted = Forms.of("text", "Look <script>alert(1)</script> at https://example.com/a?b=1&c=2.")
                .post(olga, "/cards/" + key + "/comments");
        assertThat(posted.statusCode()).isEqualTo(303);
        String page = olga.get("/cards/" + key).asString();
        assertThat(page).contains("Look &lt;script&gt;alert(1)&lt;/script&gt; at ")
                .doesNotContain("<script>alert(1)")
                .contains("<a href=\"https://example.com/a?b=1&amp;c=2\" rel=\"nofollow noopener noreferrer\">"
                        + "https://example.com/a?b=1&amp;c=2</a>.");
        String russian = world.browser(world.olga).language("ru").get("/cards/" + key).asString();
        assertThat(russian).contains("<h2 id=\"comments-heading\">Комментарии</h2>").contains("Перевести")
                .contains(">Карточка</a>").contains("Добавить комментарий");
        String russianList = world.browser(world.olga).language("ru").get("/cards").asString();
        assertThat(russianList).contains("Найдено карточек: 1").contains("Все доступные")
                .contains("id=\"nav-cards\" href=\"/cards\" aria-current=\"page\">Карточки</a>");
        Response blank = Forms.of("text", "   ").post(olga, "/cards/" + key + "/comments");
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(blank.asString()).contains("id=\"comment-error\">Write a comment.<");
        Response tooLong = Forms.of("text", "z".repeat(10_001)).post(olga, "/cards/" + key + "/comments");
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.asString()).contains("The comment is too long (at most 10000 characters).")
                .contains("z".repeat(10_001));
    }

    @Test
    void transitionsAreExactlyTheAllowedOnesAndRefusalsSayWhy() {
        String key = cards.create(world.olga, "REQ", CardInput.of("Printer", Map.of())).key();
        WebClient olga = world.browser(world.olga);
        String page = olga.get("/cards/" + key).asString();
        assertThat(page).contains("id=\"fire-start\"").doesNotContain("id=\"fire-reject\"")
                .doesNotContain("id=\"fire-done\"");

        Response wrongStage = Forms.of("version", version(page)).post(olga, "/cards/" + key + "/transitions/done");
        assertThat(wrongStage.statusCode()).isEqualTo(409);
        assertThat(wrongStage.asString()).contains("id=\"card-error\"")
                .contains("is not possible from stage New (only from In progress).");
        Response wrongGroup = Forms.of("version", version(page)).post(olga, "/cards/" + key + "/transitions/reject");
        assertThat(wrongGroup.statusCode()).isEqualTo(403);
        assertThat(wrongGroup.asString()).contains("Your groups may not use &quot;Reject&quot;.");
        Response unknown = Forms.of("version", version(page)).post(olga, "/cards/" + key + "/transitions/nope");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.asString()).contains("No such transition.");
        Response stale = Forms.of("version", "999").post(olga, "/cards/" + key + "/transitions/start");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.asString()).contains("Someone changed this card meanwhile");

        Response started = Forms.of("version", version(page)).post(olga, "/cards/" + key + "/transitions/start");
        assertThat(started.statusCode()).isEqualTo(303);
        page = olga.get("/cards/" + key).asString();
        assertThat(page).contains("id=\"card-stage\">In progress<").contains("id=\"fire-done\"")
                .contains("id=\"t-done-resolution\"").contains("This step needs:");

        Response noResolution = Forms.of("version", version(page), "f.resolution", "")
                .post(olga, "/cards/" + key + "/transitions/done");
        assertThat(noResolution.statusCode()).isEqualTo(422);
        assertThat(noResolution.asString()).contains("Fill in the marked fields first.")
                .contains("id=\"t-done-resolution-error\">This field is required.<");
        Response sneaky = Forms.of("version", version(page), "f.resolution", "ok", "f.title", "x", "f.count", "9")
                .post(olga, "/cards/" + key + "/transitions/done");
        assertThat(sneaky.statusCode()).isEqualTo(422);
        assertThat(sneaky.asString()).contains("There is no field count.");
        assertThat(cards.get(world.olga, key).stage()).isEqualTo("in_progress");

        Response done = Forms.of("version", version(page), "f.resolution", "Replaced the drum")
                .post(olga, "/cards/" + key + "/transitions/done");
        assertThat(done.statusCode()).as(done.asString()).isEqualTo(303);
        page = olga.get("/cards/" + key).asString();
        assertThat(page).contains("id=\"card-stage\">Done<").contains("id=\"card-closed\"")
                .contains("id=\"value-resolution\">Replaced the drum<").contains("id=\"fire-reopen\"");

        String other = cards.create(world.olga, "REQ", CardInput.of("Scanner", Map.of())).key();
        WebClient mark = world.browser(world.mark);
        String markPage = mark.get("/cards/" + other).asString();
        assertThat(markPage).contains("id=\"fire-reject\"").doesNotContain("id=\"card-edit\"");
        Response rejected = Forms.of("version", version(markPage)).post(mark, "/cards/" + other
                + "/transitions/reject");
        assertThat(rejected.statusCode()).isEqualTo(303);
        assertThat(cards.get(world.olga, other).stage()).isEqualTo("rejected");
    }

    @Test
    void assignTakeWatchAndDeleteArePostRedirectGet() {
        String key = cards.create(world.olga, "REQ", CardInput.of("Printer", Map.of())).key();
        WebClient olga = world.browser(world.olga);
        String page = olga.get("/cards/" + key).asString();
        assertThat(page).contains("<option value=\"" + world.victor.userId() + "\"")
                .doesNotContain("<option value=\"" + world.nina.userId() + "\"");

        Response forged = Forms.of("assignee", String.valueOf(world.victor.userId()))
                .post(olga, "/cards/" + key + "/assign", false);
        assertThat(forged.statusCode()).isEqualTo(400);
        Response cannotView = Forms.of("assignee", String.valueOf(world.nina.userId()))
                .post(olga, "/cards/" + key + "/assign");
        assertThat(cannotView.statusCode()).isEqualTo(422);
        assertThat(cannotView.asString()).contains("This user may not see cards of this type.");
        Response garbage = Forms.of("assignee", "victor").post(olga, "/cards/" + key + "/assign");
        assertThat(garbage.statusCode()).isEqualTo(422);

        assertThat(Forms.of("assignee", String.valueOf(world.victor.userId())).post(olga, "/cards/" + key
                + "/assign").statusCode()).isEqualTo(303);
        assertThat(olga.get("/cards/" + key).asString()).contains("id=\"card-assignee\">Victor<");

        WebClient mark = world.browser(world.mark);
        String markPage = mark.get("/cards/" + key).asString();
        assertThat(markPage).doesNotContain("id=\"card-take\"").doesNotContain("id=\"assign-form\"");
        Response notHis = Forms.of().post(mark, "/cards/" + key + "/take");
        assertThat(notHis.statusCode()).isEqualTo(403);
        assertThat(Forms.of().post(olga, "/cards/" + key + "/unassign").statusCode()).isEqualTo(303);
        markPage = mark.get("/cards/" + key).asString();
        assertThat(markPage).contains("id=\"card-take\"");
        assertThat(Forms.of().post(mark, "/cards/" + key + "/take").statusCode()).isEqualTo(303);
        assertThat(mark.get("/cards/" + key).asString()).contains("id=\"card-assignee\">Mark<")
                .contains("id=\"card-unassign\"");
        assertThat(mark.get("/cards?scope=assigned").asString()).contains("id=\"card-" + key + "\"");
        assertThat(Forms.of().post(mark, "/cards/" + key + "/unassign").statusCode()).isEqualTo(303);
        assertThat(cards.get(world.olga, key).assignee()).isEmpty();

        WebClient victor = world.browser(world.victor);
        // having been assigned the card, Victor watches it
        assertThat(victor.get("/cards/" + key).asString()).contains("id=\"card-unwatch\"");
        assertThat(Forms.of().post(victor, "/cards/" + key + "/unwatch").statusCode()).isEqualTo(303);
        assertThat(victor.get("/cards/" + key).asString()).contains("id=\"card-watch\"");
        assertThat(Forms.of().post(victor, "/cards/" + key + "/watch").statusCode()).isEqualTo(303);
        assertThat(victor.get("/cards/" + key).asString()).contains("id=\"card-unwatch\"");
        assertThat(cards.get(world.victor, key).watching()).isTrue();
        assertThat(victor.get("/cards?scope=watching").asString()).contains("id=\"card-" + key + "\"");
        assertThat(Forms.of().post(victor, "/cards/" + key + "/unwatch").statusCode()).isEqualTo(303);
        assertThat(victor.get("/cards?scope=watching").asString()).contains("id=\"cards-empty\"");

        String confirm = olga.get("/cards/" + key + "/delete").asString();
        assertThat(confirm).contains("id=\"delete-confirm\"").contains("Delete card " + key);
        Response deleted = Forms.of().post(olga, "/cards/" + key + "/delete");
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(deleted.header("Location")).endsWith("/cards?type=REQ&deleted=" + key);
        assertThat(olga.get("/cards?type=REQ&deleted=" + key).asString())
                .contains("Card " + key + " was deleted.").doesNotContain("id=\"card-" + key + "\"");
        assertThat(olga.get("/cards/" + key).statusCode()).isEqualTo(404);
        assertThat(olga.get("/cards?deleted=%3Cscript%3E").asString()).doesNotContain("card-deleted");
    }

    @Test
    void theCandidateGroupIsChosenAmongThePersonsGroupsOnCreateAndEdit() {
        String ops = String.valueOf(world.operators.id());
        String mgr = String.valueOf(world.managers.id());
        WebClient olga = world.browser(world.olga);
        String form = olga.get("/cards/new?type=REQ").asString();
        assertThat(form).contains("<select id=\"field-candidateGroupId\" name=\"candidateGroupId\"")
                .contains("<option value=\"\" selected>— none —</option>")
                .contains("<option value=\"" + ops + "\">Operators</option>")
                .doesNotContain(">Managers</option>").doesNotContain(">Viewers</option>");
        assertThat(world.browser(world.admin).get("/cards/new?type=REQ").asString())
                .as("a superuser may offer a card to any group")
                .contains(">Operators</option>").contains(">Managers</option>").contains(">Viewers</option>");

        Response refused = Forms.of("type", "REQ", "title", "Printer", "f.category", "hardware", "candidateGroupId",
                mgr).post(olga, "/cards");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.asString()).contains("id=\"field-candidateGroupId-error\">You can offer a card only to "
                + "a group you belong to.<").contains("value=\"Printer\"")
                .contains("<option value=\"" + mgr + "\" selected>Managers</option>")
                .doesNotContain("id=\"form-errors\"");
        Response garbage = Forms.of("type", "REQ", "title", "Printer", "f.category", "hardware", "candidateGroupId",
                "abc").post(olga, "/cards");
        assertThat(garbage.statusCode()).isEqualTo(422);
        assertThat(garbage.asString()).contains("id=\"field-candidateGroupId-error\">No such group.<");
        Response otherError = Forms.of("type", "REQ", "title", " ", "f.category", "hardware", "candidateGroupId",
                ops).post(olga, "/cards");
        assertThat(otherError.statusCode()).isEqualTo(422);
        assertThat(otherError.asString()).as("the choice survives another field's error")
                .contains("<option value=\"" + ops + "\" selected>Operators</option>")
                .doesNotContain("field-candidateGroupId-error");
        WebClient russian = world.browser(world.olga).language("ru");
        russian.get("/cards/new?type=REQ");
        assertThat(Forms.of("type", "REQ", "title", "Принтер", "f.category", "hardware", "candidateGroupId", mgr)
                .post(russian, "/cards").asString())
                .contains("id=\"field-candidateGroupId-error\">Карточку можно предложить только группе, в которой "
                        + "вы состоите.<")
                .contains("<option value=\"\">— нет —</option>");
        assertThat(TestDatabase.count("SELECT count(*) FROM card")).isZero();

        Response created = Forms.of("type", "REQ", "title", "Printer", "f.category", "hardware", "candidateGroupId",
                ops).post(olga, "/cards");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(303);
        assertThat(cards.get(world.olga, "REQ-1").candidateGroup()).get().extracting(GroupRef::name)
                .isEqualTo("Operators");
        assertThat(olga.get("/cards/REQ-1").asString()).contains("id=\"card-group\">Operators<");

        String edit = olga.get("/cards/REQ-1/edit").asString();
        assertThat(edit).contains("<option value=\"" + ops + "\" selected>Operators</option>");
        Response cleared = Forms.hiddenOf(edit, "card-form").add("title", "Printer").add("priority", "NORMAL")
                .add("dueAt", "").add("f.category", "hardware").add("candidateGroupId", "").post(olga,
                        "/cards/REQ-1/edit");
        assertThat(cleared.statusCode()).as(cleared.asString()).isEqualTo(303);
        assertThat(cards.get(world.olga, "REQ-1").candidateGroup()).isEmpty();
        assertThat(olga.get("/cards/REQ-1").asString()).doesNotContain("id=\"card-group\"");

        // a card offered to a group Olga is not in: her form shows it, and saving keeps it
        CardView budget = cards.create(world.admin, "REQ", new CardInput("Budget", Map.of("category", "hardware"),
                null, null, world.managers.id(), null));
        String budgetForm = olga.get("/cards/" + budget.key() + "/edit").asString();
        assertThat(budgetForm).contains("<option value=\"" + mgr + "\" selected>Managers</option>");
        Response kept = Forms.hiddenOf(budgetForm, "card-form").add("title", "Budget 2027").add("priority", "NORMAL")
                .add("dueAt", "").add("f.category", "hardware").add("candidateGroupId", mgr).post(olga,
                        "/cards/" + budget.key() + "/edit");
        assertThat(kept.statusCode()).as(kept.asString()).isEqualTo(303);
        assertThat(cards.get(world.olga, budget.key()).candidateGroup()).get().extracting(GroupRef::name)
                .isEqualTo("Managers");
    }

    @Test
    void secondSaveGetsAConflictPageThatKeepsTheInputAndShowsWhatChanged() {
        CardView card = cards.create(world.olga, "REQ", CardInput.of("Original", Map.of("count", 1)));
        WebClient olga = world.browser(world.olga);
        String form = olga.get("/cards/" + card.key() + "/edit").asString();
        assertThat(form).contains("value=\"Original\"").contains("name=\"version\" value=\"" + card.version()
                + "\"");
        Forms mine = Forms.hiddenOf(form, "card-form").add("title", "Olga's title").add("priority", "HIGH")
                .add("dueAt", "").add("f.count", "5").add("f.category", "hardware");

        cards.update(world.admin, card.key(), card.version(), CardInput.of("Changed by root",
                Map.of("count", 7, "category", "access")));

        Response conflict = mine.post(olga, "/cards/" + card.key() + "/edit");
        assertThat(conflict.statusCode()).isEqualTo(409);
        String page = conflict.asString();
        assertThat(page).contains("id=\"conflict\"")
                .contains("<tr class=\"changed\">\n        <th scope=\"row\">Title</th><td class=\"before\">Original"
                        + "</td><td class=\"now\">Changed by root</td><td class=\"yours\">Olga&#39;s title</td>")
                .contains("<th scope=\"row\">Count</th><td class=\"before\">1</td><td class=\"now\">7</td>"
                        + "<td class=\"yours\">5</td>")
                .contains("<th scope=\"row\">Category</th><td class=\"before\">Hardware</td><td class=\"now\">"
                        + "Access</td>")
                .contains("value=\"Olga&#39;s title\"");
        CardView now = cards.get(world.olga, card.key());
        assertThat(now.title()).isEqualTo("Changed by root");
        assertThat(page).contains("name=\"version\" value=\"" + now.version() + "\"");

        Forms again = Forms.hiddenOf(page, "card-form").add("title", "Olga's title").add("priority", "HIGH")
                .add("dueAt", "").add("f.count", "5").add("f.category", "hardware");
        Response saved = again.post(olga, "/cards/" + card.key() + "/edit");
        assertThat(saved.statusCode()).as(saved.asString()).isEqualTo(303);
        assertThat(cards.get(world.olga, card.key()).title()).isEqualTo("Olga's title");

        String fresh = olga.get("/cards/" + card.key() + "/edit").asString();
        Response invalid = Forms.hiddenOf(fresh, "card-form").add("title", "Still mine").add("f.count", "abc")
                .add("f.category", "hardware").post(olga, "/cards/" + card.key() + "/edit");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.asString()).contains("id=\"field-count-error\">Enter a number.<")
                .contains("value=\"Still mine\"").contains("value=\"abc\"")
                .contains("name=\"version\" value=\"" + cards.get(world.olga, card.key()).version() + "\"");
        Response badDue = Forms.hiddenOf(fresh, "card-form").add("title", "Still mine").add("dueAt", "tomorrow")
                .add("f.link", "ftp://example.com").post(olga, "/cards/" + card.key() + "/edit");
        assertThat(badDue.statusCode()).isEqualTo(422);
        assertThat(badDue.asString()).contains("id=\"field-dueAt-error\">Enter a date and time.<")
                .contains("id=\"field-link-error\">Enter an http(s) link.<");
        CardView timed = cards.update(world.admin, card.key(), cards.get(world.olga, card.key()).version(),
                CardInput.of("Olga's title", Map.of("happened_at", "2026-11-30T08:15:42Z")));
        String withTime = olga.get("/cards/" + card.key() + "/edit").asString();
        assertThat(withTime).contains("value=\"2026-11-30T08:15\"");
        Response untouched = Forms.hiddenOf(withTime, "card-form").add("title", "Same time").add("f.happened_at",
                "2026-11-30T08:15").add("f.category", "hardware").post(olga, "/cards/" + card.key() + "/edit");
        assertThat(untouched.statusCode()).isEqualTo(303);
        assertThat(cards.get(world.olga, card.key()).field("happened_at").orElseThrow().value())
                .as("a value the form shows to the minute keeps its seconds when left as it was")
                .isEqualTo("2026-11-30T08:15:42Z");
        assertThat(timed.version()).isLessThan(cards.get(world.olga, card.key()).version());

        Response noVersion = Forms.of("title", "No version").post(olga, "/cards/" + card.key() + "/edit");
        assertThat(noVersion.statusCode()).isEqualTo(409);
        assertThat(cards.get(world.olga, card.key()).title()).isEqualTo("Same time");
    }

    private static String version(String page) {
        Matcher m = VERSION.matcher(page);
        assertThat(m.find()).as("a version on the page").isTrue();
        return m.group(1);
    }
}
