package io.sphere.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sphere.e2e.TestDatabase.RequestLogRow;

/** Requests made to the packaged web arrive in PostgreSQL through RabbitMQ and the packaged worker. */
@EndToEnd
class RequestLogPipelineTest {

    private static final int REQUESTS = 100;

    @RegisterExtension
    static final Stack stack = new Stack();

    @Test
    void storesEveryRequestExactlyOnceWithPathStatusAndUser() throws Exception {
        WebSession session = new WebSession(stack);
        HttpResponse<String> login = session.logIn(stack.adminEmail(), stack.adminPassword());
        assertThat(login.statusCode()).as("POST /login").isIn(302, 303);
        assertThat(WebSession.location(login).getPath()).as("redirect after login").isEqualTo("/");

        List<UUID> requestIds = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            HttpResponse<String> welcome = session.get("/");
            assertThat(welcome.statusCode()).as("GET / number %d", i + 1).isEqualTo(200);
            String requestId = welcome.headers().firstValue("X-Request-Id").orElse(null);
            assertThat(requestId).as("X-Request-Id of GET / number %d", i + 1).isNotBlank();
            requestIds.add(UUID.fromString(requestId));
        }
        assertThat(requestIds).doesNotHaveDuplicates();

        await("all " + REQUESTS + " requests in table request_log").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> TestDatabase.requestLog(requestIds).stream().map(RequestLogRow::requestId).distinct()
                        .count() == REQUESTS);

        Map<UUID, List<RequestLogRow>> rows = TestDatabase.requestLog(requestIds).stream()
                .collect(Collectors.groupingBy(RequestLogRow::requestId));
        assertThat(rows).hasSize(REQUESTS);
        rows.forEach((id, sameId) -> {
            assertThat(sameId).as("rows with request id %s", id).hasSize(1);
            assertThat(sameId.get(0)).as("row of request %s", id)
                    .isEqualTo(new RequestLogRow(id, "GET", "/", 200, stack.adminEmail()));
        });
    }
}
