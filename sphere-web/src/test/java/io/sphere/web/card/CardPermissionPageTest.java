package io.sphere.web.card;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.sphere.core.testing.TestDatabase;
import io.sphere.web.support.WebClient;

/**
 * The permission matrix through the pages: VIEW, CREATE, EDIT, TRANSITION and DELETE, each allowed and denied. A card
 * the person may not view is "not found" on every page and form, exactly like a card that does not exist.
 */
@QuarkusTest
class CardPermissionPageTest {

    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    @Inject
    CardWorld world;

    @Inject
    CardService cards;

    String key;

    @BeforeEach
    void aCard() {
        TestDatabase.clean();
        world.build();
        key = cards.create(world.olga, "REQ", CardInput.of("Printer", Map.of())).key();
    }

    @Test
    void viewAllowedAndDenied() {
        assertThat(world.browser(world.victor).get("/cards/" + key).statusCode()).isEqualTo(200);

        WebClient nina = world.browser(world.nina);
        nina.get("/cards");
        String missing = nina.get("/cards/REQ-999").asString();
        assertThat(missing).contains("Card not found.");
        for (String path : new String[]{"/cards/" + key, "/cards/" + key + "/edit", "/cards/" + key + "/delete"}) {
            Response r = nina.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.asString()).as(path).contains("Card not found.").doesNotContain("Printer");
        }
        for (String action : new String[]{"edit", "transitions/start", "assign", "take", "unassign", "watch",
                "unwatch", "comments", "delete"}) {
            Response r = Forms.of("version", "1", "title", "Hacked", "text", "hi", "assignee",
                    String.valueOf(world.nina.userId())).post(nina, "/cards/" + key + "/" + action);
            assertThat(r.statusCode()).as(action).isEqualTo(404);
            assertThat(r.asString()).as(action).contains("Card not found.");
        }
        assertThat(nina.get("/cards").asString()).contains("Cards found: 0").doesNotContain(key);
        assertThat(TestDatabase.count("SELECT count(*) FROM card_comment")).isZero();
        assertThat(cards.get(world.olga, key).title()).isEqualTo("Printer");
    }

    @Test
    void createAllowedAndDenied() {
        WebClient olga = world.browser(world.olga);
        assertThat(olga.get("/cards/new?type=REQ").statusCode()).isEqualTo(200);
        assertThat(Forms.of("type", "REQ", "title", "Mouse", "f.category", "hardware").post(olga, "/cards")
                .statusCode()).isEqualTo(303);

        WebClient victor = world.browser(world.victor);
        assertThat(victor.get("/cards").asString()).doesNotContain("id=\"new-card\"");
        Response form = victor.get("/cards/new?type=REQ");
        assertThat(form.statusCode()).isEqualTo(403);
        Response post = Forms.of("type", "REQ", "title", "Keyboard", "f.category", "hardware").post(victor,
                "/cards");
        assertThat(post.statusCode()).isEqualTo(403);

        WebClient nina = world.browser(world.nina);
        nina.get("/cards");
        assertThat(nina.get("/cards/new?type=REQ").statusCode()).isEqualTo(404);
        assertThat(Forms.of("type", "REQ", "title", "Keyboard").post(nina, "/cards").statusCode()).isEqualTo(404);
        assertThat(Forms.of("type", "SEC", "title", "Keyboard").post(olga, "/cards").statusCode()).isEqualTo(404);
        assertThat(TestDatabase.count("SELECT count(*) FROM card")).isEqualTo(2);
    }

    @Test
    void editAllowedAndDenied() {
        WebClient olga = world.browser(world.olga);
        String form = olga.get("/cards/" + key + "/edit").asString();
        assertThat(Forms.hiddenOf(form, "card-form").add("title", "Printer, edited").add("f.category", "hardware")
                .post(olga, "/cards/" + key + "/edit").statusCode()).isEqualTo(303);

        WebClient victor = world.browser(world.victor);
        String page = victor.get("/cards/" + key).asString();
        assertThat(page).doesNotContain("id=\"card-edit\"").doesNotContain("id=\"assign-form\"");
        assertThat(victor.get("/cards/" + key + "/edit").statusCode()).isEqualTo(403);
        Response post = Forms.of("version", current(), "title", "Hacked", "f.category", "hardware")
                .post(victor, "/cards/" + key + "/edit");
        assertThat(post.statusCode()).isEqualTo(403);
        Response badAndDenied = Forms.of("version", current(), "title", "Hacked", "dueAt", "soon")
                .post(victor, "/cards/" + key + "/edit");
        assertThat(badAndDenied.statusCode()).isEqualTo(403);
        Response assign = Forms.of("assignee", String.valueOf(world.victor.userId())).post(victor, "/cards/" + key
                + "/assign");
        assertThat(assign.statusCode()).isEqualTo(403);
        assertThat(cards.get(world.olga, key).title()).isEqualTo("Printer, edited");
        assertThat(cards.get(world.olga, key).assignee()).isEmpty();
    }

    @Test
    void transitionAllowedAndDenied() {
        WebClient victor = world.browser(world.victor);
        String page = victor.get("/cards/" + key).asString();
        assertThat(page).doesNotContain("id=\"fire-").doesNotContain("id=\"card-take\"");
        Response denied = Forms.of("version", current()).post(victor, "/cards/" + key + "/transitions/start");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.asString()).contains("You may not do this.");
        assertThat(cards.get(world.olga, key).stage()).isEqualTo("new");

        WebClient olga = world.browser(world.olga);
        String mine = olga.get("/cards/" + key).asString();
        assertThat(Forms.of("version", version(mine)).post(olga, "/cards/" + key + "/transitions/start")
                .statusCode()).isEqualTo(303);
        assertThat(cards.get(world.olga, key).stage()).isEqualTo("in_progress");
    }

    @Test
    void deleteAllowedAndDenied() {
        WebClient victor = world.browser(world.victor);
        assertThat(victor.get("/cards/" + key).asString()).doesNotContain("id=\"card-delete\"");
        assertThat(victor.get("/cards/" + key + "/delete").statusCode()).isEqualTo(403);
        assertThat(Forms.of().post(victor, "/cards/" + key + "/delete").statusCode()).isEqualTo(403);
        assertThat(cards.get(world.olga, key).key()).isEqualTo(key);

        WebClient olga = world.browser(world.olga);
        assertThat(olga.get("/cards/" + key).asString()).contains("id=\"card-delete\"");
        assertThat(Forms.of().post(olga, "/cards/" + key + "/delete").statusCode()).isEqualTo(303);
        assertThat(olga.get("/cards/" + key).statusCode()).isEqualTo(404);
    }

    @Test
    void guessingTheKeyOfAnotherTypesCardIsNotFound() {
        String secret = cards.create(world.admin, "SEC", CardInput.of("Salaries", Map.of())).key();
        WebClient olga = world.browser(world.olga);
        Response guessed = olga.get("/cards/" + secret);
        Response absent = olga.get("/cards/SEC-999");
        assertThat(guessed.statusCode()).isEqualTo(404);
        assertThat(absent.statusCode()).isEqualTo(404);
        assertThat(guessed.asString()).contains("Card not found.").doesNotContain("Salaries");
        assertThat(olga.get("/cards/" + secret + "/edit").statusCode()).isEqualTo(404);
        assertThat(Forms.of("text", "hi").post(olga, "/cards/" + secret + "/comments").statusCode())
                .isEqualTo(404);
        assertThat(Forms.of().post(olga, "/cards/" + secret + "/delete").statusCode()).isEqualTo(404);
        assertThat(olga.get("/cards?q=salaries").asString()).contains("Cards found: 0");
        assertThat(olga.get("/cards/new?type=SEC").statusCode()).isEqualTo(404);
        assertThat(world.browser(world.admin).get("/cards/" + secret).statusCode()).isEqualTo(200);
    }

    private String current() {
        return String.valueOf(cards.get(world.olga, key).version());
    }

    private static String version(String page) {
        Matcher m = VERSION.matcher(page);
        assertThat(m.find()).as("a version on the page").isTrue();
        return m.group(1);
    }
}
