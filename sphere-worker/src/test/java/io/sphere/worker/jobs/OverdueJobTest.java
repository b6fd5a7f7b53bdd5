package io.sphere.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.sphere.core.card.CardInput;
import io.sphere.core.card.CardService;
import io.sphere.core.card.CardView;
import io.sphere.core.cardtype.CardTypeService;
import io.sphere.core.cardtype.CardTypeView;
import io.sphere.core.group.GroupService;
import io.sphere.core.group.GroupView;
import io.sphere.core.permission.Action;
import io.sphere.core.permission.PermissionService;
import io.sphere.core.reminder.ReminderService;
import io.sphere.core.security.Actor;
import io.sphere.core.task.TaskInput;
import io.sphere.core.task.TaskService;
import io.sphere.core.task.TaskView;
import io.sphere.core.testing.Fixtures;
import io.sphere.core.testing.TestDatabase;
import io.sphere.core.user.UserService;
import io.sphere.core.user.UserView;
import io.sphere.worker.support.TestClock;

/** The overdue check and the reminder dispatch on their boundaries, driven by a clock the test stops. */
@QuarkusTest
class OverdueJobTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    @Inject
    TestClock clock;
    @Inject
    NotificationJobs jobs;
    @Inject
    UserService users;
    @Inject
    GroupService groups;
    @Inject
    CardTypeService types;
    @Inject
    PermissionService permissions;
    @Inject
    CardService cards;
    @Inject
    TaskService tasks;
    @Inject
    ReminderService reminders;

    Actor root;
    Actor alice;
    Actor admin;

    @BeforeEach
    void setUp() {
        TestDatabase.clean();
        clock.set(T0);
        root = person("root", true);
        alice = person("alice", false);
        admin = person("admin", false);
        GroupView ops = groups.create(root, "Operators", "");
        groups.addMember(root, ops.id(), alice.userId());
        GroupView admins = groups.create(root, "Admins", "");
        groups.addMember(root, admins.id(), admin.userId());
        CardTypeView type = types.create(root, "REQ", "Requests", "", Fixtures.requestDefinition(List.of()));
        permissions.setMatrix(root, type.id(),
                Map.of(ops.id(), java.util.Set.of(Action.VIEW, Action.CREATE, Action.EDIT,
                        Action.TRANSITION), admins.id(), java.util.Set.of(Action.VIEW, Action.ADMINISTER)));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aCardIsOverdueJustAfterItsDueMomentAndNotifiedOnceToAssigneeAndAdministrators() {
        Instant due = T0.plus(Duration.ofHours(1));
        cards.create(alice, "REQ", new CardInput("Printer", Map.of(), null, due, null, alice.userId()));
        clock.set(due);
        assertThat(jobs.overdueCheck().notified()).isZero();
        clock.set(due.plusNanos(1000));
        assertThat(jobs.overdueCheck()).isEqualTo(new NotificationJobs.Run(1, 2));
        assertThat(jobs.overdueCheck()).isEqualTo(new NotificationJobs.Run(0, 0));
        assertThat(overdue("OVERDUE", alice)).isEqualTo(1);
        assertThat(overdue("OVERDUE", admin)).isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM card WHERE overdue")).isEqualTo(1);
    }

    @Test
    void aCardPastItsStagesSlaIsOverdueAndAFinalStageNeverIs() {
        // the initial stage "new" has an SLA of two days; the card has no due date
        cards.create(alice, "REQ", new CardInput("SLA", Map.of(), null, null, null, alice.userId()));
        CardView closed = cards.create(alice, "REQ", new CardInput("Closed", Map.of(), null,
                T0.plusSeconds(60), null, alice.userId()));
        cards.transition(alice, closed.key(), closed.version(), "reject");
        clock.set(T0.plus(Duration.ofDays(2)));
        assertThat(jobs.overdueCheck().claimed()).isZero();
        clock.set(T0.plus(Duration.ofDays(2)).plusSeconds(1));
        assertThat(jobs.overdueCheck()).isEqualTo(new NotificationJobs.Run(1, 2));
        assertThat(TestDatabase.count("SELECT count(*) FROM notification WHERE subject = 'REQ-1 SLA'")).isEqualTo(2);
    }

    @Test
    void movingTheDueDateLaterClearsTheMarkAndMovingItBackNotifiesAgain() {
        CardView card = cards.create(alice, "REQ", new CardInput("Moving", Map.of(), null, T0.plusSeconds(60), null,
                alice.userId()));
        cards.transition(alice, card.key(), card.version(), "start");
        clock.set(T0.plusSeconds(120));
        assertThat(jobs.overdueCheck().notified()).isEqualTo(2);
        CardView later = cards.update(alice, card.key(), cards.get(alice, card.key()).version(),
                new CardInput("Moving", Map.of(), null, T0.plusSeconds(3600), null, null));
        assertThat(later.overdue()).isFalse();
        assertThat(jobs.overdueCheck().notified()).isZero();
        CardView earlier = cards.update(alice, card.key(), later.version(),
                new CardInput("Moving", Map.of(), null, T0.plusSeconds(90), null, null));
        assertThat(earlier.overdue()).isTrue();
        assertThat(jobs.overdueCheck().notified()).isEqualTo(2);
        assertThat(jobs.overdueCheck().notified()).isZero();
        assertThat(overdue("OVERDUE", alice)).isEqualTo(2);
    }

    @Test
    void tasksAreDueSoonThenOverdueOncePerDueDate() {
        TaskView task = tasks.create(alice, new TaskInput(null, "Call back", "", alice.userId(), null,
                T0.plus(Duration.ofHours(2))));
        assertThat(jobs.overdueCheck().notified()).isZero();
        clock.set(T0.plus(Duration.ofHours(1)).plusSeconds(1));
        assertThat(jobs.overdueCheck().notified()).isEqualTo(1);
        assertThat(overdue("DUE_SOON", alice)).isEqualTo(1);
        clock.set(T0.plus(Duration.ofHours(2)));
        assertThat(jobs.overdueCheck().notified()).isZero();
        clock.set(T0.plus(Duration.ofHours(2)).plusSeconds(1));
        assertThat(jobs.overdueCheck().notified()).isEqualTo(1);
        assertThat(tasks.get(alice, task.id()).overdue()).isTrue();
        TaskView later = tasks.update(alice, task.id(), new TaskInput(null, "Call back", "", null, null,
                T0.plus(Duration.ofHours(5))));
        assertThat(later.overdue()).isFalse();
        tasks.update(alice, task.id(), new TaskInput(null, "Call back", "", null, null, T0.plusSeconds(5)));
        assertThat(jobs.overdueCheck().notified()).isEqualTo(1);
        assertThat(overdue("OVERDUE", alice)).isEqualTo(2);
        tasks.complete(alice, task.id());
        assertThat(jobs.overdueCheck().claimed()).isZero();
    }

    @Test
    void theTasksOfADeletedCardAreNeitherDueSoonNorOverdue() {
        cards.create(alice, "REQ", new CardInput("Gone", Map.of(), null, null, null, null));
        tasks.create(alice, new TaskInput("REQ-1", "On a deleted card", "", alice.userId(), null,
                T0.plusSeconds(60)));
        cards.delete(root, "REQ-1");
        clock.set(T0.plusSeconds(120));
        assertThat(jobs.overdueCheck()).isEqualTo(new NotificationJobs.Run(0, 0));
        assertThat(TestDatabase.count("SELECT count(*) FROM notification WHERE task_id IS NOT NULL")).isZero();
    }

    @Test
    void aReminderFiresAtItsMomentInThePersonsTimeZoneExactlyOnce() {
        users.chooseTimeZone(alice.userId(), "Asia/Tokyo");
        cards.create(alice, "REQ", new CardInput("Remind me", Map.of(), null, null, null, null));
        // 10:00 UTC is 19:00 in Tokyo: "tomorrow 9:00" there is 00:00 UTC the next day
        reminders.create(alice, "REQ-1", null, "tomorrow-9", null, "call the vendor");
        clock.set(Instant.parse("2026-11-30T23:59:59.999999Z"));
        assertThat(jobs.reminderDispatch().claimed()).isZero();
        clock.set(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(jobs.reminderDispatch()).isEqualTo(new NotificationJobs.Run(1, 1));
        assertThat(jobs.reminderDispatch().claimed()).isZero();
        assertThat(TestDatabase.count("""
                SELECT count(*) FROM notification WHERE kind = 'REMINDER' AND recipient_id = ? AND
                       detail = 'call the vendor' AND link = '/cards/REQ-1'""", alice.userId())).isEqualTo(1);
        assertThat(reminders.pending(alice)).isEmpty();
    }

    private long overdue(String kind, Actor who) {
        return TestDatabase.count("SELECT count(*) FROM notification WHERE kind = ? AND recipient_id = ?", kind,
                who.userId());
    }

    private Actor person(String name, boolean superuser) {
        UserView v;
        if (superuser) {
            users.createSuperuser(name + "@example.com", Fixtures.PASSWORD, true);
            v = users.findByEmail(name + "@example.com").orElseThrow();
        } else {
            v = users.createUser(name + "@example.com", name, Fixtures.PASSWORD);
        }
        return new Actor(v.id(), v.email(), superuser);
    }
}
