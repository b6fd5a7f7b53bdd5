package io.sphere.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Audit events made through the packaged web reach the trail through the outbox, RabbitMQ and the packaged worker;
 * the worker is killed with SIGKILL while events flow and started again: none is lost, none is stored twice.
 */
@EndToEnd
class AuditPipelineTest {

    private static final int EVENTS = 300;
    private static final String COUNT = "SELECT count(*), count(DISTINCT actor_email) FROM audit_event"
            + " WHERE action = 'LOGIN_FAILED' AND actor_email LIKE 'nobody-%@example.com'";

    @RegisterExtension
    static final Stack stack = new Stack();

    @Test
    void noEventIsLostOrStoredTwiceWhenTheWorkerIsKilledMidway() throws Exception {
        // Each failed login with an unknown e-mail is one security event naming that e-mail.
        CompletableFuture<Void> logins = CompletableFuture.runAsync(() -> {
            try {
                WebSession session = new WebSession(stack);
                for (int i = 0; i < EVENTS; i++) {
                    HttpResponse<String> r = session.logIn("nobody-" + i + "@example.com", "not the password");
                    assertThat(r.statusCode()).as("failed login %d", i).isEqualTo(200);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        await("some events stored").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> stored()[0] >= EVENTS / 5);
        stack.killWorker();
        long atKill = stored()[0];
        assertThat(atKill).as("killed before the end").isLessThan(EVENTS);

        logins.get(5, TimeUnit.MINUTES);
        stack.restartWorker();

        await("all events stored").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> stored()[0] >= EVENTS);
        await("nothing more arrives").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> stored()[0] == EVENTS);
        long[] after = stored();
        assertThat(after[0]).as("rows").isEqualTo(EVENTS);
        assertThat(after[1]).as("distinct events").isEqualTo(EVENTS);
        System.out.printf("Audit e2e: worker killed with %d of %d events stored; after restart %d rows, %d distinct%n",
                atKill, EVENTS, after[0], after[1]);
    }

    private static long[] stored() throws SQLException {
        try (Connection c = TestDatabase.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(COUNT)) {
            rs.next();
            return new long[]{rs.getLong(1), rs.getLong(2)};
        }
    }
}
