package io.sphere.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.sphere.core.audit.AuditAction;
import io.sphere.core.audit.AuditEvent;
import io.sphere.core.audit.AuditTrailTest;
import io.sphere.core.card.CardInput;
import io.sphere.core.card.CardService;
import io.sphere.core.card.CardView;
import io.sphere.core.cardtype.CardTypeView;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.group.GroupView;
import io.sphere.core.notification.NotificationKind;
import io.sphere.core.notification.NotificationService;
import io.sphere.core.notification.NotificationView;
import io.sphere.core.permission.Action;
import io.sphere.core.security.Actor;
import io.sphere.core.testing.Fixtures;
import io.sphere.core.testing.TestDatabase;

@QuarkusTest
class TaskServiceTest {

    @Inject
    Fixtures fixtures;
    @Inject
    TaskService tasks;
    @Inject
    TaskInbox inbox;
    @Inject
    CardService cards;
    @Inject
    NotificationService notifications;

    Actor root;
    Actor alice;
    Actor bob;
    Actor carol;
    Actor outsider;
    GroupView ops;
    CardView card;

    @BeforeEach
    void setUp() {
        TestDatabase.clean();
        root = fixtures.superuser();
        alice = fixtures.user("alice");
        bob = fixtures.user("bob");
        carol = fixtures.user("carol");
        outsider = fixtures.user("outsider");
        ops = fixtures.group(root, "Operators", alice, bob);
        CardTypeView type = fixtures.requestType(root, "REQ");
        fixtures.grant(root, type.id(), ops.id(), Action.VIEW, Action.CREATE, Action.TRANSITION);
        card = cards.create(alice, "REQ", new CardInput("Printer broken", Map.of(), null, null, null, null));
    }

    @Test
    void aCardsTaskIsVisibleToWhoeverMayViewTheCardAndNobodyElse() {
        TaskView t = tasks.create(alice, new TaskInput("REQ-1", " Call the vendor ", "", null, ops.id(), null));
        assertThat(t.title()).isEqualTo("Call the vendor");
        assertThat(t.card()).get().extracting(c -> c.key()).isEqualTo("REQ-1");
        assertThat(tasks.get(bob, t.id()).id()).isEqualTo(t.id());
        assertThat(catchThrowableOfType(SphereException.class, () -> tasks.get(outsider, t.id())).code())
                .isEqualTo(ErrorCode.TASK_NOT_FOUND);
        assertThat(catchThrowableOfType(SphereException.class, () -> tasks.forCard(outsider, "REQ-1")).code())
                .isEqualTo(ErrorCode.CARD_NOT_FOUND);
        assertThat(catchThrowableOfType(SphereException.class,
                () -> tasks.create(outsider, new TaskInput("REQ-1", "x", "", null, null, null))).code())
                .isEqualTo(ErrorCode.CARD_NOT_FOUND);
        assertThat(catchThrowableOfType(SphereException.class,
                () -> tasks.create(alice, new TaskInput("REQ-1", "x", "", outsider.userId(), null, null))).code())
                .isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(tasks.forCard(bob, "REQ-1")).extracting(TaskView::id).containsExactly(t.id());
    }

    @Test
    void aStandaloneTaskIsVisibleToItsCreatorAssigneeAndGroupOnly() {
        TaskView t = tasks.create(carol, new TaskInput(null, "Order toner", "two boxes", null, ops.id(), null));
        assertThat(tasks.get(carol, t.id()).allowed().edit()).isTrue();
        assertThat(tasks.get(alice, t.id()).allowed().claim()).isTrue();
        assertThat(catchThrowableOfType(SphereException.class, () -> tasks.get(outsider, t.id())).code())
                .isEqualTo(ErrorCode.TASK_NOT_FOUND);
        TaskView mine = tasks.create(carol, new TaskInput(null, "Mine", "", outsider.userId(), null, null));
        assertThat(tasks.get(outsider, mine.id()).allowed().complete()).isTrue();
        assertThat(tasks.get(outsider, mine.id()).allowed().cancel()).isFalse();
    }

    @Test
    void oneGroupMemberClaimsTheTaskAndTheOthersAreToldItIsTaken() {
        TaskView t = tasks.create(carol, new TaskInput(null, "Order toner", "", null, ops.id(), null));
        assertThat(catchThrowableOfType(SphereException.class, () -> tasks.claim(outsider, t.id())).code())
                .isEqualTo(ErrorCode.TASK_NOT_FOUND);
        TaskView claimed = tasks.claim(alice, t.id());
        assertThat(claimed.assignee()).get().extracting(u -> u.id()).isEqualTo(alice.userId());
        assertThat(catchThrowableOfType(SphereException.class, () -> tasks.claim(bob, t.id())).code())
                .isEqualTo(ErrorCode.TASK_ALREADY_CLAIMED);
        assertThat(tasks.history(alice, t.id())).extracting(TaskEventView::action)
                .containsExactly(TaskAction.CREATED, TaskAction.CLAIMED);
    }

    @Test
    void reassigningNeedsAReasonAndTellsTheNewAssignee() {
        TaskView t = tasks.create(alice, new TaskInput("REQ-1", "Call", "", alice.userId(), null, null));
        SphereException noReason = catchThrowableOfType(SphereException.class,
                () -> tasks.assign(alice, t.id(), bob.userId(), " "));
        assertThat(noReason.code()).isEqualTo(ErrorCode.TASK_REASON_REQUIRED);
        assertThat(noReason.field()).isEqualTo("reason");
        tasks.assign(alice, t.id(), bob.userId(), "I am on leave");
        List<NotificationView> bobs = notifications.list(bob, false, null).items();
        assertThat(bobs).hasSize(1);
        assertThat(bobs.get(0).kind()).isEqualTo(NotificationKind.ASSIGNED);
        assertThat(bobs.get(0).link()).isEqualTo("/tasks/" + t.id());
        assertThat(bobs.get(0).detail()).isEqualTo("I am on leave");
        assertThat(notifications.unreadCount(alice)).isZero();
        TaskEventView last = tasks.history(bob, t.id()).get(1);
        assertThat(last.action()).isEqualTo(TaskAction.REASSIGNED);
        assertThat(last.reason()).isEqualTo("I am on leave");
        assertThat(last.from()).get().extracting(u -> u.id()).isEqualTo(alice.userId());
        // bob may not give alice's card task to the outsider, who cannot see the card
        assertThat(catchThrowableOfType(SphereException.class,
                () -> tasks.assign(bob, t.id(), outsider.userId(), "why not")).code())
                .isEqualTo(ErrorCode.ASSIGNEE_CANNOT_VIEW);
    }

    @Test
    void completeCancelAndReopen() {
        TaskView t = tasks.create(carol, new TaskInput(null, "Order", "", alice.userId(), null, null));
        assertThat(catchThrowableOfType(SphereException.class, () -> tasks.cancel(alice, t.id(), "")).code())
                .isEqualTo(ErrorCode.ACCESS_DENIED);
        TaskView done = tasks.complete(alice, t.id());
        assertThat(done.status()).isEqualTo(TaskStatus.DONE);
        assertThat(done.completedBy()).get().extracting(u -> u.id()).isEqualTo(alice.userId());
        assertThat(done.completedAt()).isPresent();
        assertThat(catchThrowableOfType(SphereException.class, () -> tasks.complete(alice, t.id())).code())
                .isEqualTo(ErrorCode.TASK_NOT_OPEN);
        TaskView reopened = tasks.reopen(alice, t.id());
        assertThat(reopened.status()).isEqualTo(TaskStatus.OPEN);
        assertThat(reopened.completedAt()).isEmpty();
        assertThat(tasks.cancel(carol, t.id(), "not needed").status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(tasks.history(carol, t.id())).extracting(TaskEventView::action).containsExactly(
                TaskAction.CREATED, TaskAction.COMPLETED, TaskAction.REOPENED, TaskAction.CANCELLED);
    }

    @Test
    void everyTaskChangeGoesIntoTheAuditTrailOfItsCardOrTheGeneralTrail() {
        AuditTrailTest.clearOutbox();
        TaskView onCard = tasks.create(alice, new TaskInput("REQ-1", "Call", "", alice.userId(), null, null));
        tasks.assign(alice, onCard.id(), bob.userId(), "I am on leave");
        tasks.complete(bob, onCard.id());
        TaskView alone = tasks.create(carol, new TaskInput(null, "Order toner", "", null, ops.id(), null));

        List<AuditEvent> events = AuditTrailTest.outbox();
        assertThat(events).extracting(AuditEvent::action).containsExactly(AuditAction.TASK_CREATED.name(),
                AuditAction.TASK_UPDATED.name(), AuditAction.TASK_UPDATED.name(), AuditAction.TASK_CREATED.name());
        assertThat(events.subList(0, 3)).allSatisfy(e -> assertThat(e.cardKey()).isEqualTo("REQ-1"));
        assertThat(events.get(1).detail()).containsEntry("step", "reassigned")
                .containsEntry("reason", "I am on leave").containsEntry("toUser", String.valueOf(bob.userId()));
        assertThat(events.get(2).detail()).containsEntry("status", "done");
        assertThat(events.get(2).actorId()).isEqualTo(bob.userId());
        assertThat(events.get(3).cardKey()).isNull();
        assertThat(events.get(3).detail()).containsEntry("task", String.valueOf(alone.id()));

        // a refused change leaves no trace
        catchThrowableOfType(SphereException.class, () -> tasks.complete(bob, onCard.id()));
        assertThat(AuditTrailTest.outbox()).hasSize(4);
    }

    @Test
    void theInboxPutsOverdueFirstAndCountsEachTab() {
        Instant now = Instant.now();
        tasks.create(carol, new TaskInput(null, "Later", "", alice.userId(), null, now.plusSeconds(86400 * 3)));
        tasks.create(carol, new TaskInput(null, "Late", "", alice.userId(), null, now.minusSeconds(3600)));
        tasks.create(carol, new TaskInput(null, "No date", "", alice.userId(), null, null));
        tasks.create(carol, new TaskInput(null, "For the group", "", null, ops.id(), null));
        TaskView done = tasks.create(carol, new TaskInput(null, "Done", "", alice.userId(), null, null));
        tasks.complete(alice, done.id());
        TaskInbox.Page page = inbox.list(alice, ZoneOffset.UTC,
                new TaskInbox.Query(TaskInbox.Tab.MINE, "", TaskInbox.DueFilter.ANY, TaskInbox.Sort.DUE, 1));
        assertThat(page.items()).extracting(TaskInbox.Item::title).containsExactly("Late", "Later", "No date");
        assertThat(page.items().get(0).bucket()).isEqualTo(TaskInbox.Bucket.OVERDUE);
        assertThat(page.counts()).containsEntry(TaskInbox.Tab.MINE, 3L).containsEntry(TaskInbox.Tab.GROUPS, 1L)
                .containsEntry(TaskInbox.Tab.COMPLETED, 1L);
        assertThat(inbox.list(alice, ZoneOffset.UTC, new TaskInbox.Query(TaskInbox.Tab.MINE, "lat",
                TaskInbox.DueFilter.OVERDUE, TaskInbox.Sort.DUE, 1)).items()).extracting(TaskInbox.Item::title)
                .containsExactly("Late");
        assertThat(inbox.counts(outsider)).containsEntry(TaskInbox.Tab.GROUPS, 0L);
    }

    @Test
    void watchersHearOfTransitionsAndCommentsButNotTheirOwn() {
        cards.watch(bob, "REQ-1");
        cards.comment(alice, "REQ-1", "Vendor called back");
        cards.transition(bob, "REQ-1", cards.get(bob, "REQ-1").version(), "start");
        List<NotificationView> bobs = notifications.list(bob, false, null).items();
        assertThat(bobs).extracting(NotificationView::kind).containsExactly(NotificationKind.COMMENT);
        List<NotificationView> alices = notifications.list(alice, false, null).items();
        assertThat(alices).extracting(NotificationView::kind).containsExactly(NotificationKind.TRANSITION);
        assertThat(alices.get(0).link()).isEqualTo("/cards/REQ-1");
        long id = alices.get(0).id();
        assertThat(catchThrowableOfType(SphereException.class, () -> notifications.markRead(bob, id)).code())
                .isEqualTo(ErrorCode.NOTIFICATION_NOT_FOUND);
        assertThat(notifications.markRead(alice, id)).isEqualTo("/cards/REQ-1");
        assertThat(notifications.unreadCount(alice)).isZero();
        assertThat(notifications.markAllRead(bob)).isEqualTo(1);
        assertThat(notifications.unreadCount(bob)).isZero();
    }
}
