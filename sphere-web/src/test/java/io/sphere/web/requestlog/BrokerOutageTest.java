package io.sphere.web.requestlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.sphere.core.messaging.Broker;
import io.sphere.core.requestlog.RequestLogEntry;
import io.sphere.core.testing.TestDatabase;
import io.sphere.web.support.BrokerBehindProxy;
import io.sphere.web.support.QueueReader;
import io.sphere.web.support.TestUsers;
import io.sphere.web.support.WebClient;

/**
 * The broker goes away while people keep working: every request still succeeds without waiting for it, entries
 * wait in the spool, and every one of them reaches the queue once the broker is back.
 */
@QuarkusTest
@QuarkusTestResource(value = BrokerBehindProxy.class, restrictToAnnotatedClass = true)
class BrokerOutageTest {

    @Inject
    TestUsers users;

    @Inject
    Broker broker;

    @Inject
    RequestLogPublisher publisher;

    @BeforeEach
    void setUp() throws Exception {
        TestDatabase.clean();
        users.superuserAndOperator();
        BrokerBehindProxy.proxy().restore();
        await().atMost(Duration.ofSeconds(20)).until(() -> publisher.status().connected());
        QueueReader.purge(broker.topology().requestLogQueue());
    }

    @AfterEach
    void restoreBroker() throws Exception {
        BrokerBehindProxy.proxy().restore();
    }

    @Test
    void requestsSucceedDuringAnOutageAndEveryEntryArrivesAfterIt() throws Exception {
        WebClient browser = new WebClient().loggedInAs(TestUsers.OPERATOR, TestUsers.PASSWORD);
        Set<UUID> expected = new HashSet<>();

        BrokerBehindProxy.proxy().cut();
        long started = System.nanoTime();
        for (int i = 0; i < 300; i++) {
            Response r = browser.get("/?during=" + i);
            assertThat(r.statusCode()).isEqualTo(200);
            expected.add(UUID.fromString(r.header("X-Request-Id")));
        }
        long outageMillis = (System.nanoTime() - started) / 1_000_000;
        await().atMost(Duration.ofSeconds(20)).until(() -> !publisher.status().connected());
        await().atMost(Duration.ofSeconds(20)).until(() -> publisher.status().spooled() >= 300);
        assertThat(publisher.status().dropped()).isZero();

        String page = new WebClient().loggedInAs(TestUsers.ADMIN, TestUsers.PASSWORD).get("/request-log").asString();
        assertThat(page).contains("id=\"spool-warning\"");

        BrokerBehindProxy.proxy().restore();
        Set<UUID> arrived = new HashSet<>();
        List<Integer> messageSizes = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (List<RequestLogEntry> message : QueueReader.drainMessages(broker.topology().requestLogQueue())) {
                messageSizes.add(message.size());
                message.forEach(e -> arrived.add(e.requestId()));
            }
            assertThat(arrived).containsAll(expected);
        });
        // The spool is replayed in full messages (50 entries each by default), not one message per entry.
        assertThat(messageSizes.size()).as("messages for %d entries: %s", arrived.size(), messageSizes)
                .isLessThanOrEqualTo(arrived.size() / 10);
        await().atMost(Duration.ofSeconds(10)).until(() -> publisher.status().spooled() == 0);
        // 300 page renders without a broker must not have waited for it: a generous bound, far below the
        // 3-second connect timeout that a request blocking on the broker would pay even once per request
        assertThat(outageMillis).isLessThan(300L * 3_000 / 10);
    }

    @Test
    void requestsAfterTheBrokerReturnsArePublishedDirectlyAgain() throws Exception {
        BrokerBehindProxy.proxy().cut();
        List<String> during = IntStream.range(0, 20).mapToObj(i -> new WebClient().get("/login").header(
                "X-Request-Id")).toList();
        BrokerBehindProxy.proxy().restore();
        await().atMost(Duration.ofSeconds(30)).until(() -> publisher.status().connected()
                && publisher.status().spooled() == 0);
        String after = new WebClient().get("/login").header("X-Request-Id");

        Set<String> arrived = new HashSet<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            QueueReader.drain(broker.topology().requestLogQueue()).forEach(e -> arrived.add(e.requestId()
                    .toString()));
            assertThat(arrived).containsAll(during).contains(after);
        });
    }
}
