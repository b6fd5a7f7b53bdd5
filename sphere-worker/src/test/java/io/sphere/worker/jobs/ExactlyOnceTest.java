package io.sphere.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.sphere.core.cardtype.CardTypeService;
import io.sphere.core.reminder.ReminderDispatch;
import io.sphere.core.security.Actor;
import io.sphere.core.testing.Fixtures;
import io.sphere.core.testing.TestDatabase;
import io.sphere.core.user.UserService;
import io.sphere.worker.support.TestClock;

/**
 * Several workers at once: three concurrent runs of the jobs (three transactions through the very code the
 * scheduler calls) over 1,000 due reminders and 1,000 overdue cards produce exactly 1,000 + 1,000 notifications; a
 * run that dies before its commit loses nothing and duplicates nothing.
 */
@QuarkusTest
class ExactlyOnceTest {

    private static final int N = 1000;

    @Inject
    NotificationJobs jobs;
    @Inject
    ReminderDispatch dispatch;
    @Inject
    UserService users;
    @Inject
    CardTypeService types;
    @Inject
    TestClock clock;

    @BeforeEach
    void dueWork() {
        TestDatabase.clean();
        clock.reset();
        users.createSuperuser("root@example.com", Fixtures.PASSWORD, true);
        var root = users.findByEmail("root@example.com").orElseThrow();
        types.create(new Actor(root.id(), root.email(), true), "REQ", "Requests", "",
                Fixtures.requestDefinition(List.of()));
        TestDatabase.execute("""
                INSERT INTO app_user (email, display_name, password_hash)
                SELECT 'user' || i || '@example.com', 'User ' || i, 'x' FROM generate_series(1, 10) i""");
        TestDatabase.execute("""
                INSERT INTO card (card_type_id, number, key, title, stage, assignee_id, due_at)
                SELECT (SELECT id FROM card_type), i, 'REQ-' || i, 'Card ' || i, 'in_progress',
                       (SELECT id FROM app_user WHERE email = 'user' || (i % 10 + 1) || '@example.com'),
                       now() - interval '1 hour' + i * interval '1 second'
                  FROM generate_series(1, ?) i""", N);
        TestDatabase.execute("""
                INSERT INTO reminder (user_id, card_id, remind_at, note)
                SELECT c.assignee_id, c.id, now() - interval '1 minute', 'note ' || c.number FROM card c""");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void threeConcurrentWorkersNotifyEachItemExactlyOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<int[]>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    NotificationJobs.Run reminders = jobs.reminderDispatch();
                    NotificationJobs.Run overdue = jobs.overdueCheck();
                    return new int[]{reminders.claimed(), reminders.notified(), overdue.claimed(),
                            overdue.notified()};
                }));
            }
            start.countDown();
            int[] total = new int[4];
            int busyWorkers = 0;
            for (Future<int[]> f : runs) {
                int[] r = f.get(120, TimeUnit.SECONDS);
                busyWorkers += r[0] > 0 ? 1 : 0;
                for (int i = 0; i < 4; i++) {
                    total[i] += r[i];
                }
            }
            assertThat(total).containsExactly(N, N, N, N);
            assertThat(busyWorkers).as("workers that found reminders to send").isGreaterThanOrEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(TestDatabase.count("SELECT count(*) FROM notification WHERE kind = 'REMINDER'")).isEqualTo(N);
        assertThat(TestDatabase.count("SELECT count(DISTINCT dedupe_key) FROM notification WHERE kind = 'REMINDER'"))
                .isEqualTo(N);
        assertThat(TestDatabase.count("SELECT count(*) FROM notification WHERE kind = 'OVERDUE'")).isEqualTo(N);
        assertThat(TestDatabase.count("SELECT count(DISTINCT card_id) FROM notification WHERE kind = 'OVERDUE'"))
                .isEqualTo(N);
        assertThat(TestDatabase.count("SELECT count(*) FROM reminder WHERE status <> 'SENT'")).isZero();
        assertThat(jobs.reminderDispatch().claimed()).isZero();
        assertThat(jobs.overdueCheck().claimed()).isZero();
    }

    @Test
    void aRunThatDiesMidwayLeavesItsShareToTheNextRun() throws Exception {
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch die = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> doomed = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                assertThat(dispatch.dispatch(300).claimed()).isEqualTo(300);
                claimed.countDown();
                try {
                    die.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("worker killed before its commit");
            }));
            assertThat(claimed.await(60, TimeUnit.SECONDS)).isTrue();
            // another worker meanwhile: skips the 300 rows the doomed one holds, sends the other 700
            assertThat(jobs.reminderDispatch()).isEqualTo(new NotificationJobs.Run(700, 700));
            die.countDown();
            try {
                doomed.get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException expected) {
                assertThat(expected.getCause()).hasMessageContaining("killed");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(TestDatabase.count("SELECT count(*) FROM notification WHERE kind = 'REMINDER'")).isEqualTo(700);
        assertThat(TestDatabase.count("SELECT count(*) FROM reminder WHERE status = 'PENDING'")).isEqualTo(300);
        assertThat(jobs.reminderDispatch()).isEqualTo(new NotificationJobs.Run(300, 300));
        assertThat(TestDatabase.count("SELECT count(*) FROM notification WHERE kind = 'REMINDER'")).isEqualTo(N);
        assertThat(TestDatabase.count("SELECT count(DISTINCT dedupe_key) FROM notification")).isEqualTo(N);
    }

    @Test
    void aDeliveryMadeTwiceIsStoredOnce() {
        assertThat(jobs.reminderDispatch().notified()).isEqualTo(N);
        // as if a second worker had claimed the same reminders again: the unique key keeps one notification each
        TestDatabase.execute("UPDATE reminder SET status = 'PENDING'");
        assertThat(jobs.reminderDispatch()).isEqualTo(new NotificationJobs.Run(N, 0));
        assertThat(TestDatabase.count("SELECT count(*) FROM notification")).isEqualTo(N);
        Instant later = Instant.now().plusSeconds(5);
        clock.set(later);
        TestDatabase.execute("UPDATE card SET overdue_notified_for = NULL");
        assertThat(jobs.overdueCheck().notified()).isEqualTo(N);
        TestDatabase.execute("UPDATE card SET overdue_notified_for = NULL");
        assertThat(jobs.overdueCheck().notified()).isZero();
    }
}
