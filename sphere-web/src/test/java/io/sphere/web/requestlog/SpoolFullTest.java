package io.sphere.web.requestlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sphere.core.testing.TestDatabase;
import io.sphere.web.support.SmallSpoolBehindProxy;
import io.sphere.web.support.TestUsers;
import io.sphere.web.support.WebClient;

/** When the spool's bound is reached, the web still answers; the loss is counted and shown to the superuser. */
@QuarkusTest
@QuarkusTestResource(value = SmallSpoolBehindProxy.class, restrictToAnnotatedClass = true)
class SpoolFullTest {

    @Inject
    TestUsers users;

    @Inject
    RequestLogPublisher publisher;

    @AfterEach
    void restoreBroker() throws Exception {
        SmallSpoolBehindProxy.proxy().restore();
    }

    @Test
    void dropsAreCountedInTheMetricAndShownOnTheRequestLogPage() throws Exception {
        TestDatabase.clean();
        users.superuserAndOperator();
        WebClient admin = new WebClient().loggedInAs(TestUsers.ADMIN, TestUsers.PASSWORD);
        await().atMost(Duration.ofSeconds(20)).until(() -> publisher.status().connected());

        SmallSpoolBehindProxy.proxy().cut();
        for (int i = 0; i < 200; i++) {
            assertThat(admin.get("/?filler=" + i).statusCode()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> publisher.status().dropped() > 0);

        String metrics = new WebClient().get("/q/metrics").asString();
        assertThat(metrics).containsPattern("sphere_requestlog_dropped_total(\\{[^}]*\\})? [1-9]");
        String page = admin.get("/request-log").asString();
        assertThat(page).contains("id=\"dropped-warning\"").contains("were dropped because the spool was full");
    }
}
