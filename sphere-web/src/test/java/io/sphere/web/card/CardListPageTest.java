package io.sphere.web.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
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
import io.sphere.core.card.Priority;
import io.sphere.core.testing.TestDatabase;
import io.sphere.web.support.WebClient;

/** Card lists: tabs, filters in the URL, sorting by column headers, keyset pages both ways, refusals on the page. */
@QuarkusTest
class CardListPageTest {

    private static final Pattern ROW = Pattern.compile("<tr class=\"card-row[^\"]*\" id=\"card-([A-Z]+-\\d+)\">");
    private static final Pattern NEXT = Pattern.compile("id=\"page-next\" rel=\"next\" href=\"([^\"]+)\"");
    private static final Pattern PREV = Pattern.compile("id=\"page-prev\" rel=\"prev\" href=\"([^\"]+)\"");

    @Inject
    CardWorld world;

    @Inject
    CardService cards;

    WebClient olga;

    @BeforeEach
    void thirtyCards() {
        TestDatabase.clean();
        world.build();
        for (int i = 1; i <= 30; i++) {
            Map<String, Object> values = Map.of("category", i % 3 == 0 ? "software" : "hardware", "tags",
                    i % 5 == 0 ? List.of("a", "b") : List.of("b"));
            cards.create(world.olga, "REQ", new CardInput((i % 2 == 0 ? "Printer " : "Scanner ") + i, values,
                    i % 10 == 0 ? Priority.HIGH : Priority.NORMAL,
                    i == 7 ? Instant.now().minus(1, ChronoUnit.DAYS) : null, null, null));
        }
        cards.create(world.admin, "SEC", CardInput.of("Salaries", Map.of()));
        olga = world.browser(world.olga);
    }

    @Test
    void myGroupsTabAndATotalBeyondTheCapSaySoInBothLanguages() {
        long operators = TestDatabase.count("SELECT id FROM user_group WHERE name = 'Operators'");
        Map<String, Object> values = Map.of("category", "hardware", "tags", List.of("b"));
        String mine = cards.create(world.olga, "REQ", new CardInput("For operators", values, Priority.NORMAL, null,
                operators, null)).key();
        // offered to a group Olga is not in: only someone in it (here the superuser) may do that
        cards.create(world.admin, "REQ", new CardInput("For managers", values, Priority.NORMAL, null,
                world.managers.id(), null));
        String done = cards.create(world.olga, "REQ", new CardInput("Done for operators", values, Priority.NORMAL,
                null, operators, null)).key();
        TestDatabase.execute("UPDATE card SET closed_at = now(), stage = 'done' WHERE key = ?", done);
        String groups = olga.get("/cards?scope=groups&open=true").asString();
        assertThat(groups)
                .contains("id=\"tab-groups\" href=\"/cards?scope=groups&amp;open=true\" aria-current=\"page\"")
                .contains("id=\"card-total\" class=\"muted\">Cards found: 1<")
                .contains("name=\"open\" value=\"true\"");
        assertThat(keys(groups)).containsExactly(mine);
        assertThat(keys(olga.get("/cards?scope=groups").asString())).containsExactlyInAnyOrder(mine, done);
        assertThat(keys(olga.get("/cards?scope=groups&open=false").asString())).containsExactly(done);
        Response bad = olga.get("/cards?scope=groups&open=maybe");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.asString()).contains("Open or closed: &quot;maybe&quot; is not a valid value.");

        TestDatabase.execute("INSERT INTO card (card_type_id, number, key, title, stage) SELECT t.id, n, 'REQ-' || n,"
                + " 'Bulk ' || n, 'new' FROM card_type t, generate_series(1001, 11000) n WHERE t.key = 'REQ'");
        assertThat(olga.get("/cards").asString())
                .contains("id=\"card-total\" class=\"muted\">Cards found: 10000 or more<");
        assertThat(world.browser(world.olga).language("ru").get("/cards").asString())
                .contains("id=\"card-total\" class=\"muted\">Найдено карточек: не меньше 10000<")
                .contains("Открытые карточки моих групп");
    }

    @Test
    void pagesForwardAndBackWithTheTotal() {
        Response first = olga.get("/cards");
        assertThat(first.statusCode()).isEqualTo(200);
        String page = first.asString();
        assertThat(page).contains("id=\"card-total\" class=\"muted\">Cards found: 30<")
                .contains("id=\"tab-all\" href=\"/cards\" aria-current=\"page\"").contains("id=\"tab-type-REQ\"")
                .doesNotContain("tab-type-SEC").doesNotContain("SEC-1").contains("id=\"new-card\"");
        List<String> keys = keys(page);
        assertThat(keys).hasSize(25).doesNotHaveDuplicates();
        assertThat(page).doesNotContain("id=\"page-prev\"");

        String second = olga.get(link(NEXT, page)).asString();
        List<String> rest = keys(second);
        assertThat(rest).hasSize(5).doesNotContainAnyElementsOf(keys);
        assertThat(second).contains("Cards found: 30").doesNotContain("id=\"page-next\"");

        String back = olga.get(link(PREV, second)).asString();
        assertThat(keys(back)).containsExactlyElementsOf(keys);
        assertThat(back).doesNotContain("id=\"page-prev\"").contains("id=\"page-next\"");
    }

    @Test
    void columnHeadersSortAndFiltersLiveInTheUrl() {
        String byKey = olga.get("/cards?type=REQ&sort=key").asString();
        assertThat(keys(byKey).get(0)).isEqualTo("REQ-1");
        assertThat(byKey).contains("aria-sort=\"ascending\"><a href=\"/cards?type=REQ&amp;sort=-key\">Key ▲</a>")
                .contains("id=\"tab-type-REQ\" href=\"/cards?type=REQ\" aria-current=\"page\"");
        assertThat(keys(olga.get("/cards?type=REQ&sort=-key").asString()).get(0)).isEqualTo("REQ-30");
        assertThat(keys(olga.get("/cards?type=REQ&sort=title").asString()).get(0)).isEqualTo("REQ-10");
        assertThat(keys(olga.get("/cards?sort=-priority").asString()).subList(0, 3))
                .containsExactlyInAnyOrder("REQ-10", "REQ-20", "REQ-30");
        String byDue = olga.get("/cards?sort=due").asString();
        assertThat(keys(byDue).get(0)).isEqualTo("REQ-7");

        assertThat(total("/cards?q=printer")).isEqualTo(15);
        assertThat(total("/cards?q=prin&type=REQ&field.category=software")).isEqualTo(5);
        assertThat(total("/cards?type=REQ&field.tags=a")).isEqualTo(6);
        assertThat(total("/cards?priority=HIGH")).isEqualTo(3);
        assertThat(total("/cards?overdue=true")).isEqualTo(1);
        assertThat(total("/cards?overdue=false")).isEqualTo(29);
        assertThat(total("/cards?type=REQ&stage=new")).isEqualTo(30);
        assertThat(total("/cards?type=REQ&stage=done")).isZero();
        assertThat(total("/cards?assignee=me")).isZero();
        cards.assign(world.olga, "REQ-3", world.olga.userId());
        assertThat(total("/cards?assignee=me")).isEqualTo(1);
        assertThat(keys(olga.get("/cards?sort=-assignee").asString()).get(0)).isEqualTo("REQ-3");
        assertThat(olga.get("/cards?sort=-assignee").asString()).contains(
                "id=\"col-assignee\" aria-sort=\"descending\"><a href=\"/cards?sort=assignee\">Assignee ▼</a>");
        cards.transition(world.olga, "REQ-5", cards.get(world.olga, "REQ-5").version(), "start");
        assertThat(keys(olga.get("/cards?type=REQ&sort=stage").asString()).get(0)).isEqualTo("REQ-5");
        assertThat(olga.get("/cards?sort=type").statusCode()).isEqualTo(200);
        assertThat(total("/cards?assignee=" + world.olga.userId())).isEqualTo(1);
        assertThat(total("/cards?scope=assigned")).isEqualTo(1);
        assertThat(total("/cards?scope=watching")).isEqualTo(30);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(total("/cards?createdFrom=" + today.minusDays(1))).isEqualTo(30);
        assertThat(total("/cards?createdTo=" + today.minusDays(2))).isZero();
        assertThat(total("/cards?updatedFrom=" + today.plusDays(2))).isZero();
        assertThat(total("/cards?updatedTo=" + today.plusDays(1))).isEqualTo(30);

        String filtered = olga.get("/cards?type=REQ&q=printer&priority=HIGH&field.category=software").asString();
        assertThat(filtered).contains("id=\"filter-q\" name=\"q\" type=\"search\" maxlength=\"200\" value=\"printer\"")
                .contains("<option value=\"HIGH\" selected>High</option>")
                .contains("<input type=\"hidden\" name=\"type\" value=\"REQ\">")
                .contains("<option value=\"software\" selected>Software</option>");
        assertThat(keys(filtered)).containsExactly("REQ-30");
    }

    @Test
    void invalidFilterValuesAreExplainedOnThePage() {
        assertRefused("/cards?priority=bogus", "Priority: &quot;bogus&quot; is not a valid value.");
        assertRefused("/cards?createdFrom=31.12.2026", "Created from: enter a date as YYYY-MM-DD.");
        assertRefused("/cards?updatedTo=tomorrow", "Updated to: enter a date as YYYY-MM-DD.");
        assertRefused("/cards?overdue=perhaps", "Overdue: &quot;perhaps&quot; is not a valid value.");
        assertRefused("/cards?assignee=olga", "Assignee: &quot;olga&quot; is not a valid value.");
        assertRefused("/cards?sort=shoesize", "Order: &quot;shoesize&quot; is not a valid value.");
        assertRefused("/cards?scope=everything", "List: &quot;everything&quot; is not a valid value.");
        assertRefused("/cards?cursor=garbage", "Page: This filter value is not valid.");
        assertRefused("/cards?before=garbage", "Page: This filter value is not valid.");
        assertRefused("/cards?field.category=software", "Filters by field value need a card type");
        assertRefused("/cards?type=REQ&field.nope=1", "There is no field &quot;nope&quot; in this card type.");
        assertRefused("/cards?type=REQ&field.count=abc", "Count: This filter value is not valid.");
        assertRefused("/cards?type=REQ&stage=nowhere", "Stage: &quot;nowhere&quot; is not a valid value.");
        assertRefused("/cards?type=SEC", "there is no card type &quot;SEC&quot; that you may see.");
        assertRefused("/cards?type=NOPE", "there is no card type &quot;NOPE&quot; that you may see.");
        assertRefused("/cards?q=%3Cscript%3E&priority=%3Cscript%3E", "&quot;&lt;script&gt;&quot;");

        String ru = world.browser(world.olga).language("ru").get("/cards?priority=bogus").asString();
        assertThat(ru).contains("Приоритет: «bogus» — недопустимое значение.").contains("Найдено карточек: 0");
    }

    @Test
    void aPersonWithoutPermissionSeesNoCardsAndNoCounts() {
        WebClient nina = world.browser(world.nina);
        String page = nina.get("/cards").asString();
        assertThat(page).contains("Cards found: 0").contains("id=\"cards-empty\"").doesNotContain("REQ-")
                .doesNotContain("SEC-").doesNotContain("id=\"new-card\"").doesNotContain("tab-type-");
        assertThat(nina.get("/cards?q=printer").asString()).contains("Cards found: 0");
        assertThat(nina.get("/cards?type=REQ").asString()).contains("Cards found: 0")
                .contains("there is no card type &quot;REQ&quot; that you may see.");
        assertThat(nina.get("/").asString()).contains("id=\"nav-cards\"");
    }

    private void assertRefused(String url, String message) {
        Response r = olga.get(url);
        assertThat(r.statusCode()).as(url).isEqualTo(400);
        assertThat(r.asString()).as(url).contains("id=\"filter-errors\"").contains(message)
                .contains("Cards found: 0").doesNotContain("id=\"card-REQ-");
    }

    private long total(String url) {
        Response r = olga.get(url);
        assertThat(r.statusCode()).as(url + "\n" + r.asString()).isEqualTo(200);
        Matcher m = Pattern.compile("Cards found: (\\d+)<").matcher(r.asString());
        assertThat(m.find()).as(url).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static List<String> keys(String page) {
        List<String> keys = new ArrayList<>();
        Matcher m = ROW.matcher(page);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    private static String link(Pattern p, String page) {
        Matcher m = p.matcher(page);
        assertThat(m.find()).as("link " + p).isTrue();
        return Forms.unescape(m.group(1));
    }
}
