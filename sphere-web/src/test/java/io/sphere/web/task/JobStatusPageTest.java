package io.sphere.web.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.sphere.core.job.JobStatusService;
import io.sphere.core.testing.TestDatabase;
import io.sphere.web.support.TestUsers;
import io.sphere.web.support.WebClient;

@QuarkusTest
class JobStatusPageTest {

    @Inject
    TestUsers users;
    @Inject
    JobStatusService status;

    @BeforeEach
    void people() {
        TestDatabase.clean();
        users.superuserAndOperator();
    }

    @Test
    void theSuperuserSeesEachJobsLastRunAndOthersMayNot() {
        status.record("overdue-check", "host-a:42", Instant.now(), 12, 5, 7, null);
        status.record("overdue-check", "host-a:42", Instant.now(), 3, 0, 0, "<b>database went away</b>");
        String page = new WebClient().loggedInAs(TestUsers.ADMIN, TestUsers.PASSWORD).get("/jobs").asString();
        assertThat(page).contains("overdue-check").contains("host-a:42")
                .contains("&lt;b&gt;database went away&lt;/b&gt;");
        assertThat(new WebClient().loggedInAs(TestUsers.OPERATOR, TestUsers.PASSWORD).get("/jobs").statusCode())
                .isEqualTo(403);
    }
}
