package io.sphere.web.requestlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sphere.core.requestlog.RequestLogEntry;
import io.sphere.core.requestlog.RequestLogStore;
import io.sphere.core.testing.TestDatabase;
import io.sphere.web.support.TestUsers;
import io.sphere.web.support.WebClient;

/** The superuser's request-log page over rows as the worker stores them. */
@QuarkusTest
class RequestLogPageTest {

    private static final Pattern ROW_ID = Pattern.compile("id=\"rq-([0-9a-f-]{36})\"");
    private static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");

    @Inject
    TestUsers users;

    @Inject
    RequestLogStore store;

    WebClient admin;
    List<UUID> ids;

    @BeforeEach
    void setUp() {
        TestDatabase.clean();
        users.superuserAndOperator();
        long operatorId = TestDatabase.count("SELECT id FROM app_user WHERE email = ?", TestUsers.OPERATOR);
        ids = new ArrayList<>();
        List<RequestLogEntry> entries = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            boolean operator = i % 2 == 0;
            int status = i % 10 == 0 ? 500 : i % 5 == 0 ? 404 : 200;
            entries.add(new RequestLogEntry(RequestLogEntry.SCHEMA, id, T0.plusSeconds(i * 60L),
                    operator ? operatorId : null, operator ? TestUsers.OPERATOR : null, "10.0.0." + i, "GET",
                    i % 3 == 0 ? "/cards/REQ-" + i : "/tasks/" + i, null, status, 1_000 + i, 100 + i, "test"));
        }
        store.store(entries);
        admin = new WebClient().loggedInAs(TestUsers.ADMIN, TestUsers.PASSWORD);
    }

    @Test
    void showsNewestFirstAndPagesBackWithoutGapsOrRepeats() {
        List<String> all = new ArrayList<>();
        String href = "/request-log?to=2026-03-11T00:00";
        int pages = 0;
        while (href != null) {
            String page = admin.get(href).asString();
            all.addAll(rowIds(page));
            Matcher next = Pattern.compile("id=\"request-log-next\" href=\"([^\"]+)\"").matcher(page);
            href = next.find() ? next.group(1).replace("&amp;", "&") : null;
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        List<String> expected = newestFirst(ids);
        assertThat(all).containsExactlyElementsOf(expected);
    }

    @Test
    void filtersByUserStatusClassPathAndTime() {
        List<String> byUser = rowIds(admin.get("/request-log?user=" + TestUsers.OPERATOR + "&to=2026-03-11T00:00")
                .asString());
        assertThat(byUser).hasSize(50).allMatch(id -> ids.indexOf(UUID.fromString(id)) % 2 == 0);

        List<String> errors = rowIds(admin.get("/request-log?status=5").asString());
        assertThat(errors).hasSize(12);

        List<String> cards = rowIds(admin.get("/request-log?path=/cards/&status=2").asString());
        assertThat(cards).isNotEmpty().allMatch(id -> {
            int i = ids.indexOf(UUID.fromString(id));
            return i % 3 == 0 && i % 5 != 0;
        });

        List<String> window = rowIds(admin.get("/request-log?from=2026-03-10T12:10&to=2026-03-10T12:20").asString());
        assertThat(window).containsExactlyElementsOf(newestFirst(ids.subList(10, 20)));
    }

    @Test
    void findsTheOneRequestThatTheAuditHistoryLinksTo() {
        assertThat(rowIds(admin.get("/request-log?request=" + ids.get(42)).asString()))
                .containsExactly(ids.get(42).toString());
        assertThat(rowIds(admin.get("/request-log?request=not-a-request-id").asString())).isEmpty();
    }

    @Test
    void invalidTimeGetsAFieldMessageNotAnError() {
        Response r = admin.get("/request-log?from=yesterday&status=9");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.asString()).contains("id=\"f-from-error\"").contains("Enter a date and time")
                .contains("value=\"yesterday\"");
    }

    @Test
    void forgedCursorGetsAClearRefusal() {
        Response r = admin.get("/request-log?after=not-a-cursor");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString()).contains("This filter value is not valid").doesNotContain("Exception");
    }

    @Test
    void pathsAndAgentsAreEscaped() {
        store.store(List.of(new RequestLogEntry(RequestLogEntry.SCHEMA, UUID.randomUUID(), Instant.now(), null, null,
                "127.0.0.1", "GET", "/<script>alert(1)</script>", "q=<b>", 200, 1, 1, "<img src=x>")));
        String page = admin.get("/request-log").asString();
        assertThat(page).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void operatorGetsForbiddenInRussianToo() {
        Response r = new WebClient().language("ru").loggedInAs(TestUsers.OPERATOR, TestUsers.PASSWORD)
                .get("/request-log");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.asString()).contains("У вас нет доступа к этому разделу");
    }

    private static List<String> newestFirst(List<UUID> oldestFirst) {
        List<String> reversed = new ArrayList<>(oldestFirst.stream().map(UUID::toString).toList());
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    private static List<String> rowIds(String page) {
        List<String> found = new ArrayList<>();
        Matcher m = ROW_ID.matcher(page);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
