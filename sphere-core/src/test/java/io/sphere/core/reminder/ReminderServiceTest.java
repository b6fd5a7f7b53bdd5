package io.sphere.core.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.sphere.core.card.CardInput;
import io.sphere.core.card.CardService;
import io.sphere.core.cardtype.CardTypeView;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.group.GroupView;
import io.sphere.core.permission.Action;
import io.sphere.core.security.Actor;
import io.sphere.core.task.TaskInput;
import io.sphere.core.task.TaskService;
import io.sphere.core.testing.Fixtures;
import io.sphere.core.testing.TestDatabase;
import io.sphere.core.user.UserService;

@QuarkusTest
class ReminderServiceTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Inject
    Fixtures fixtures;
    @Inject
    ReminderService reminders;
    @Inject
    CardService cards;
    @Inject
    TaskService tasks;
    @Inject
    UserService users;

    Actor alice;
    Actor outsider;

    @BeforeEach
    void setUp() {
        TestDatabase.clean();
        Actor root = fixtures.superuser();
        alice = fixtures.user("alice");
        outsider = fixtures.user("outsider");
        GroupView ops = fixtures.group(root, "Operators", alice);
        CardTypeView type = fixtures.requestType(root, "REQ");
        fixtures.grant(root, type.id(), ops.id(), Action.VIEW, Action.CREATE, Action.TRANSITION);
        cards.create(alice, "REQ", new CardInput("Printer broken", Map.of(), null, null, null, null));
    }

    @Test
    void presetsAreMeantInThePersonsTimeZone() {
        // Monday 30 November 2026, 22:30 UTC = Tuesday 01:30 in Moscow
        Instant now = Instant.parse("2026-11-30T22:30:00Z");
        assertThat(ReminderPreset.IN_1_HOUR.at(now, MOSCOW)).isEqualTo(Instant.parse("2026-11-30T23:30:00Z"));
        assertThat(ReminderPreset.TOMORROW_9.at(now, MOSCOW)).isEqualTo(Instant.parse("2026-12-02T06:00:00Z"));
        assertThat(ReminderPreset.TOMORROW_9.at(now, ZoneId.of("UTC")))
                .isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
        assertThat(ReminderPreset.NEXT_MONDAY_9.at(now, MOSCOW)).isEqualTo(Instant.parse("2026-12-07T06:00:00Z"));
        assertThat(ReminderPreset.NEXT_MONDAY_9.at(now, ZoneId.of("UTC")))
                .isEqualTo(Instant.parse("2026-12-07T09:00:00Z"));
        assertThat(ReminderService.moment(null, "2026-12-31T09:00", now, MOSCOW))
                .isEqualTo(Instant.parse("2026-12-31T06:00:00Z"));
        assertThat(ReminderService.moment(null, "2026-12-31T09:00:00+01:00", now, MOSCOW))
                .isEqualTo(Instant.parse("2026-12-31T08:00:00Z"));
        assertThat(catchThrowableOfType(SphereException.class,
                () -> ReminderService.moment(null, "2026-11-30T22:30:00Z", now, MOSCOW)).code())
                .isEqualTo(ErrorCode.REMINDER_MOMENT_PAST);
        assertThat(catchThrowableOfType(SphereException.class,
                () -> ReminderService.moment(null, "tomorrow", now, MOSCOW)).code())
                .isEqualTo(ErrorCode.REMINDER_MOMENT_INVALID);
        assertThat(catchThrowableOfType(SphereException.class,
                () -> ReminderService.moment("", "", now, MOSCOW)).code())
                .isEqualTo(ErrorCode.REMINDER_MOMENT_REQUIRED);
    }

    @Test
    void aPersonSetsListsAndCancelsOnlyTheirOwnReminders() {
        users.chooseTimeZone(alice.userId(), "Europe/Moscow");
        assertThat(reminders.zoneOf(alice)).isEqualTo(MOSCOW);
        ReminderView onCard = reminders.create(alice, "REQ-1", null, "tomorrow-9", null, "check the vendor");
        long taskId = tasks.create(alice, new TaskInput(null, "Call", "", alice.userId(), null, null)).id();
        ReminderView onTask = reminders.create(alice, null, taskId, "in-1-hour", null, "");
        assertThat(reminders.pending(alice)).extracting(ReminderView::id).containsExactly(onTask.id(), onCard.id());
        assertThat(onCard.link()).isEqualTo("/cards/REQ-1");
        assertThat(onTask.link()).isEqualTo("/tasks/" + taskId);
        assertThat(onCard.subject()).isEqualTo("REQ-1 Printer broken");
        assertThat(reminders.pending(outsider)).isEmpty();
        assertThat(catchThrowableOfType(SphereException.class, () -> reminders.cancel(outsider, onCard.id())).code())
                .isEqualTo(ErrorCode.REMINDER_NOT_FOUND);
        assertThat(catchThrowableOfType(SphereException.class,
                () -> reminders.create(outsider, "REQ-1", null, "in-1-hour", null, "")).code())
                .isEqualTo(ErrorCode.CARD_NOT_FOUND);
        assertThat(catchThrowableOfType(SphereException.class,
                () -> reminders.create(outsider, null, taskId, "in-1-hour", null, "")).code())
                .isEqualTo(ErrorCode.TASK_NOT_FOUND);
        assertThat(reminders.cancel(alice, onCard.id()).status()).isEqualTo("CANCELLED");
        assertThat(reminders.pending(alice)).extracting(ReminderView::id).containsExactly(onTask.id());
        assertThat(catchThrowableOfType(SphereException.class, () -> reminders.cancel(alice, onCard.id())).code())
                .isEqualTo(ErrorCode.REMINDER_NOT_PENDING);
        assertThat(catchThrowableOfType(SphereException.class,
                () -> users.chooseTimeZone(alice.userId(), "Mars/Olympus")).code())
                .isEqualTo(ErrorCode.TIME_ZONE_UNKNOWN);
    }
}
