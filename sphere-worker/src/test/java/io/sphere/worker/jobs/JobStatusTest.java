package io.sphere.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.sphere.core.testing.TestDatabase;

/** Every run of a job leaves its start, duration, items and any error for the status page; a failure never escapes. */
@QuarkusTest
class JobStatusTest {

    @Inject
    NotificationJobs jobs;

    @BeforeEach
    void clean() {
        TestDatabase.clean();
    }

    @Test
    void runsAndFailuresAreRecordedPerJobAndWorker() {
        jobs.guarded("reminder-dispatch", jobs::reminderDispatch);
        jobs.guarded("reminder-dispatch", () -> {
            throw new IllegalStateException("database went away");
        });
        jobs.guarded("reminder-dispatch", () -> new NotificationJobs.Run(3, 2));
        assertThat(TestDatabase.count("""
                SELECT count(*) FROM job_status WHERE job = 'reminder-dispatch' AND worker = ? AND runs = 3
                   AND failures = 1 AND last_items = 3 AND last_notified = 2
                   AND last_error LIKE '%database went away%' AND last_started_at > now() - interval '1 minute'""",
                NotificationJobs.WORKER)).isEqualTo(1);
    }
}
