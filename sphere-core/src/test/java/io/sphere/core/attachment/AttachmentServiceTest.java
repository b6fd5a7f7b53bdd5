package io.sphere.core.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
import io.sphere.core.cardtype.CardTypeView;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.group.GroupView;
import io.sphere.core.permission.Action;
import io.sphere.core.security.Actor;
import io.sphere.core.task.TaskInput;
import io.sphere.core.task.TaskService;
import io.sphere.core.task.TaskView;
import io.sphere.core.testing.Fixtures;
import io.sphere.core.testing.TestDatabase;

/** Task attachments with the task's own rules; removed files in "view as of"; retention of removed files. */
@QuarkusTest
class AttachmentServiceTest {

    @Inject
    Fixtures fixtures;
    @Inject
    AttachmentService attachments;
    @Inject
    AttachmentRetention retention;
    @Inject
    TaskService tasks;
    @Inject
    CardService cards;
    @Inject
    MediaStore store;

    Actor root;
    Actor alice;
    Actor bob;
    Actor carol;
    Actor outsider;
    GroupView ops;

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
        // the operators view the card and move it on, but may not edit it
        fixtures.grant(root, type.id(), ops.id(), Action.VIEW, Action.CREATE, Action.TRANSITION);
        cards.create(alice, "REQ", new CardInput("Printer broken", Map.of(), null, null, null, null));
        AuditTrailTest.clearOutbox();
    }

    @Test
    void aStandaloneTasksFilesFollowTheTasksRulesAndGoIntoTheGeneralTrail() throws Exception {
        TaskView task = tasks.create(carol, new TaskInput(null, "Order toner", "", null, ops.id(), null));

        AttachmentView added = attachments.addToTask(carol, task.id(), "quote.txt", bytes("two boxes"));

        assertThat(added.taskId()).contains(task.id());
        assertThat(added.cardKey()).isEmpty();
        // a member of the candidate group sees the task: may list and download, not add or remove
        assertThat(attachments.listOfTask(alice, task.id())).extracting(AttachmentView::id)
                .containsExactly(added.id());
        try (InputStream in = attachments.open(attachments.get(alice, added.id()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("two boxes");
        }
        assertThat(attachments.mayEditTask(alice, task.id())).isFalse();
        assertThat(code(() -> attachments.addToTask(alice, task.id(), "x.txt", bytes("x"))))
                .isEqualTo(ErrorCode.ACCESS_DENIED);
        assertThat(code(() -> attachments.remove(alice, added.id()))).isEqualTo(ErrorCode.ACCESS_DENIED);
        // whoever does not see the task: not found, by task or by a guessed attachment id
        assertThat(code(() -> attachments.listOfTask(outsider, task.id()))).isEqualTo(ErrorCode.TASK_NOT_FOUND);
        assertThat(code(() -> attachments.get(outsider, added.id()))).isEqualTo(ErrorCode.TASK_NOT_FOUND);
        assertThat(code(() -> attachments.getFromHistory(outsider, added.id()))).isEqualTo(ErrorCode.TASK_NOT_FOUND);
        assertThat(code(() -> attachments.remove(outsider, added.id()))).isEqualTo(ErrorCode.TASK_NOT_FOUND);
        assertThat(code(() -> attachments.addToTask(outsider, task.id(), "x.txt", bytes("x"))))
                .isEqualTo(ErrorCode.TASK_NOT_FOUND);
        assertThat(code(() -> attachments.listOfTask(carol, 987654321L))).isEqualTo(ErrorCode.TASK_NOT_FOUND);

        // the assignee works on the task: may attach
        tasks.assign(carol, task.id(), bob.userId(), null);
        AttachmentView bobs = attachments.addToTask(bob, task.id(), "invoice.txt", bytes("42"));
        attachments.remove(bob, bobs.id());
        assertThat(attachments.listOfTask(carol, task.id())).extracting(AttachmentView::id)
                .containsExactly(added.id());

        List<AuditEvent> events = AuditTrailTest.outbox().stream()
                .filter(e -> e.action().startsWith("ATTACHMENT_")).toList();
        assertThat(events).extracting(AuditEvent::action).containsExactly(AuditAction.ATTACHMENT_ADDED.name(),
                AuditAction.ATTACHMENT_ADDED.name(), AuditAction.ATTACHMENT_REMOVED.name());
        assertThat(events).allSatisfy(e -> {
            assertThat(e.cardKey()).isNull();
            assertThat(e.detail()).containsEntry("task", String.valueOf(task.id()))
                    .containsEntry("title", "Order toner");
        });
        assertThat(events.get(2).detail()).containsEntry("name", "invoice.txt");
    }

    @Test
    void aFileOfATaskOnACardGoesIntoTheCardsHistoryAndNeedsTheRightToManageTheTask() {
        // alice creates the task (she may: TRANSITION), so she manages it; bob only sees the card
        TaskView task = tasks.create(alice, new TaskInput("REQ-1", "Call the vendor", "", null, null, null));

        AttachmentView added = attachments.addToTask(alice, task.id(), "notes.txt", bytes("call at 10"));

        assertThat(added.cardKey()).contains("REQ-1");
        assertThat(attachments.listOfTask(bob, task.id())).hasSize(1);
        assertThat(code(() -> attachments.addToTask(bob, task.id(), "x.txt", bytes("x"))))
                .isEqualTo(ErrorCode.ACCESS_DENIED);
        assertThat(attachments.list(bob, "REQ-1")).as("the card's own list holds only the card's files").isEmpty();
        assertThat(code(() -> attachments.get(outsider, added.id()))).isEqualTo(ErrorCode.TASK_NOT_FOUND);

        AuditEvent event = AuditTrailTest.outbox().stream()
                .filter(e -> e.action().equals(AuditAction.ATTACHMENT_ADDED.name())).findFirst().orElseThrow();
        assertThat(event.cardKey()).isEqualTo("REQ-1");
        assertThat(event.detail()).containsEntry("task", String.valueOf(task.id()))
                .containsEntry("name", "notes.txt");
    }

    @Test
    void aRemovedFileStaysOpenableFromTheHistoryUntilRetentionPurgesIt() throws Exception {
        AttachmentView kept = attachments.add(root, "REQ-1", "kept.txt", bytes("kept"));
        AttachmentView gone = attachments.add(root, "REQ-1", "gone.txt", bytes("gone"));
        Instant before = Instant.now();
        Thread.sleep(5);
        attachments.remove(root, gone.id());
        Instant after = Instant.now().plusMillis(5);

        assertThat(code(() -> attachments.get(bob, gone.id()))).isEqualTo(ErrorCode.ATTACHMENT_NOT_FOUND);
        AttachmentView fromHistory = attachments.getFromHistory(bob, gone.id());
        assertThat(fromHistory.removedAt()).isPresent();
        try (InputStream in = attachments.open(fromHistory)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("gone");
        }
        assertThat(code(() -> attachments.getFromHistory(outsider, gone.id()))).isEqualTo(ErrorCode.CARD_NOT_FOUND);
        assertThat(attachments.asOf(bob, "REQ-1", before)).extracting(AttachmentView::name)
                .containsExactly("kept.txt", "gone.txt");
        assertThat(attachments.asOf(bob, "REQ-1", after)).extracting(AttachmentView::name)
                .containsExactly("kept.txt");
        assertThat(attachments.asOf(bob, "REQ-1", kept.uploadedAt().minusSeconds(60))).isEmpty();
        assertThat(code(() -> attachments.asOf(outsider, "REQ-1", before))).isEqualTo(ErrorCode.CARD_NOT_FOUND);

        // retention: 365 days by default
        assertThat(retention.plan(Instant.now())).isEmpty();
        Instant nextYear = Instant.now().plus(Duration.ofDays(366));
        assertThat(retention.plan(nextYear)).extracting(AttachmentRetention.Purgeable::id)
                .containsExactly(gone.id());
        assertThat(retention.apply(nextYear)).extracting(AttachmentRetention.Purgeable::name)
                .containsExactly("gone.txt");

        assertThat(store.localPath(gone.storageKey()).orElseThrow()).doesNotExist();
        assertThat(store.localPath(kept.storageKey()).orElseThrow()).exists();
        SphereException purged = catchThrowableOfType(SphereException.class,
                () -> attachments.getFromHistory(bob, gone.id()));
        assertThat(purged.code()).isEqualTo(ErrorCode.ATTACHMENT_PURGED);
        assertThat(purged.code().httpStatus()).isEqualTo(410);
        assertThat(code(() -> attachments.getFromHistory(outsider, gone.id())))
                .as("to someone who may not view the card it is missing like any other")
                .isEqualTo(ErrorCode.CARD_NOT_FOUND);
        assertThat(attachments.asOf(bob, "REQ-1", before)).filteredOn(a -> a.id() == gone.id())
                .singleElement().satisfies(a -> assertThat(a.purgedAt()).isPresent());
        assertThat(retention.apply(nextYear)).as("purged once").isEmpty();
        assertThat(attachments.get(bob, kept.id()).name()).isEqualTo("kept.txt");
    }

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static ErrorCode code(Runnable r) {
        try {
            r.run();
        } catch (SphereException e) {
            return e.code();
        }
        return null;
    }
}
