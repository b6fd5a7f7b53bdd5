package io.sphere.web.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sphere.core.testing.TestDatabase;
import io.sphere.web.support.StatementCounter;

/**
 * What a card lifecycle through the API (create with fields, a due date and a candidate group, then one transition)
 * costs the database, the figure 1 of the benchmark (issue 8). Before issue 8 it was 4 transactions and 33
 * statements (6 and 34 before that); the hand-written JDBC baseline needs 2 and 7.
 */
@QuarkusTest
class CardApiCostTest {

    static final int LIFECYCLES = 5;
    /** Create: type, access, group, people, number, card, watcher, audit; transition: the same but the number. */
    static final int STATEMENTS_PER_LIFECYCLE = 16;

    @Inject
    ApiWorld world;

    String token;

    @BeforeEach
    void world() {
        TestDatabase.clean();
        world.build();
        token = world.token(world.operator);
    }

    @Test
    void aLifecycleIsOneTransactionPerRequestWithFewStatementsAndTheTokenComesFromMemory() {
        lifecycle();
        StatementCounter.reset();
        for (int i = 0; i < LIFECYCLES; i++) {
            lifecycle();
        }
        List<String> statements = StatementCounter.statements();
        // The token is checked against the database once per sphere.api-token.cache-ttl (5 s): one transaction and
        // one or two statements each time, however many requests it serves.
        long tokenChecks = statements.stream().filter(s -> s.contains("FROM api_token t JOIN app_user u")).count();
        long tokenStamps = statements.stream().filter(s -> s.startsWith("UPDATE api_token SET last_used_at")).count();
        assertThat(tokenChecks).as("token checks in %d requests", 2 * LIFECYCLES).isLessThan(LIFECYCLES);
        assertThat(StatementCounter.transactions() - tokenChecks).as(String.join("\n", statements))
                .isEqualTo(2L * LIFECYCLES);
        // at least the writes (number, card, watcher, 2 audit events, card update): the counter does count
        assertThat(statements.size() - tokenChecks - tokenStamps).as(String.join("\n", statements))
                .isBetween(6L * LIFECYCLES, (long) STATEMENTS_PER_LIFECYCLE * LIFECYCLES);
        assertThat(statements).noneMatch(s -> s.toLowerCase().contains("count(*)"))
                .noneMatch(s -> s.startsWith("UPDATE card SET search"));
    }

    private void lifecycle() {
        Response created = given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("type", "REQ", "title", "Printer on floor 3", "values",
                        Map.of("summary", "Jams on every page", "count", 3, "category", "hardware"), "dueAt",
                        "2027-01-15T12:00:00Z", "candidateGroupId", world.operators.id()))
                .post("/api/v1/cards");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertThat(created.<List<String>>path("transitions.key")).contains("start");
        assertThat(created.<String>path("candidateGroup.name")).isEqualTo("Operators");
        Response started = given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("transition", "start", "version", created.<Integer>path("version")))
                .post("/api/v1/cards/" + created.<String>path("key") + "/transitions");
        assertThat(started.statusCode()).as(started.asString()).isEqualTo(200);
        assertThat(started.<String>path("stage")).isEqualTo("in_progress");
    }
}
