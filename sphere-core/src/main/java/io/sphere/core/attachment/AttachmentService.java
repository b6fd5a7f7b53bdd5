package io.sphere.core.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sphere.core.audit.AuditAction;
import io.sphere.core.audit.AuditTrail;
import io.sphere.core.card.CardRefs.CardRef;
import io.sphere.core.card.CardService;
import io.sphere.core.card.CardView;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.permission.Action;
import io.sphere.core.permission.PermissionService;
import io.sphere.core.security.Actor;
import io.sphere.core.task.TaskService;
import io.sphere.core.task.TaskView;
import io.sphere.core.user.UserDirectory;
import io.sphere.core.user.UserRef;

/**
 * Files attached to cards and to tasks. Permissions are the owner's. A card's file: who may view the card may list
 * and download it, who may edit the card may add and remove files; a card the actor may not view answers
 * {@link ErrorCode#CARD_NOT_FOUND}. A task's file: who may see the task ({@link TaskService#get}) may list and
 * download, who may manage the task (its "edit" rule) or has it assigned may add and remove; a task the actor may
 * not see answers {@link ErrorCode#TASK_NOT_FOUND}. Adding goes through {@link #add}/{@link #addToTask} and removing
 * through {@link #remove} only, so that each is one place for the audit trail: the card's history (for a task on a
 * card too, naming the task), otherwise the general trail.
 * <p>
 * The bytes are copied into the store outside any database transaction (an upload of 50 MB must not hold a
 * connection); the row is written afterwards in a short one, and the file is deleted again if that fails. A removed
 * file keeps its bytes until retention purges them ({@link AttachmentRetention}); until then the history may still
 * open it ({@link #getFromHistory}).
 */
@ApplicationScoped
public class AttachmentService {

    private static final Logger LOG = Logger.getLogger(AttachmentService.class);

    private final AttachmentRepository attachments;
    private final CardService cards;
    private final TaskService tasks;
    private final PermissionService permissions;
    private final UserDirectory users;
    private final MediaStore store;
    private final MediaConfig config;
    private final Event<AttachmentAdded> added;
    private final AuditTrail audit;
    private final Clock clock;

    AttachmentService(AttachmentRepository attachments, CardService cards, TaskService tasks,
            PermissionService permissions, UserDirectory users, MediaStore store, MediaConfig config,
            Event<AttachmentAdded> added, AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.attachments = attachments;
        this.cards = cards;
        this.tasks = tasks;
        this.permissions = permissions;
        this.users = users;
        this.store = store;
        this.config = config;
        this.added = added;
        this.clock = clock;
    }

    /** What a file belongs to, as the client names it. */
    private sealed interface Ref permits OnCard, OnTask {
    }

    private record OnCard(String key) implements Ref {
    }

    private record OnTask(long id) implements Ref {
    }

    /**
     * The owner as the actor may see it right now: a card, or a task (and the card it is on, if any);
     * {@code mayEdit}: may add and remove its files.
     */
    private record Owner(Long cardId, Long cardTypeId, Long taskId, Optional<String> cardKey, String taskTitle,
            boolean mayEdit) {
    }

    public long maxFileSize() {
        return config.maxFileSize().asLongValue();
    }

    /** Live attachments of a card, oldest first. Needs VIEW on the card. */
    public List<AttachmentView> list(Actor actor, String cardKey) {
        return list(actor, new OnCard(cardKey));
    }

    /** Live attachments of a task, oldest first. Needs to see the task. */
    public List<AttachmentView> listOfTask(Actor actor, long taskId) {
        return list(actor, new OnTask(taskId));
    }

    private List<AttachmentView> list(Actor actor, Ref ref) {
        Owner owner = owner(actor, ref);
        return QuarkusTransaction.joiningExisting().call(() -> views(owner.taskId() == null
                ? attachments.liveOfCard(owner.cardId())
                : attachments.liveOfTask(owner.taskId()), owner.cardKey()));
    }

    /**
     * The card's own files as they were at {@code at} (uploaded by then, not removed yet then), for "view as of";
     * each says whether it has been removed since. Needs VIEW on the card.
     */
    public List<AttachmentView> asOf(Actor actor, String cardKey, Instant at) {
        CardView card = cards.get(actor, cardKey);
        return QuarkusTransaction.joiningExisting().call(() -> views(attachments.ofCardAsOf(card.id(), at),
                Optional.of(card.key())));
    }

    /** Whether the actor may add and remove attachments of this (viewable) card: for showing the form. */
    public boolean mayEdit(Actor actor, String cardKey) {
        return owner(actor, new OnCard(cardKey)).mayEdit();
    }

    /** Whether the actor may add and remove attachments of this (visible) task: for showing the form. */
    public boolean mayEditTask(Actor actor, long taskId) {
        return owner(actor, new OnTask(taskId)).mayEdit();
    }

    /** Refuses like {@link #add} would (404 for a card the actor may not view, 403 without EDIT). */
    public void mayEditOrThrow(Actor actor, String cardKey) {
        requireEdit(owner(actor, new OnCard(cardKey)));
    }

    /** Refuses like {@link #addToTask} would (404 for a task the actor may not see, 403 if they may not edit it). */
    public void mayEditTaskOrThrow(Actor actor, long taskId) {
        requireEdit(owner(actor, new OnTask(taskId)));
    }

    /**
     * The one way to add an attachment to a card. Needs EDIT on the card. The content type is detected from the
     * stored bytes; {@code name} is cleaned ({@link AttachmentNames#clean}). Over {@code sphere.media.max-file-size}:
     * {@link ErrorCode#ATTACHMENT_TOO_LARGE}, with nothing stored.
     */
    public AttachmentView add(Actor actor, String cardKey, String name, InputStream data) {
        return add(actor, new OnCard(cardKey), name, data);
    }

    /** The one way to add an attachment to a task; like {@link #add}, with the task's permission to edit. */
    public AttachmentView addToTask(Actor actor, long taskId, String name, InputStream data) {
        return add(actor, new OnTask(taskId), name, data);
    }

    private AttachmentView add(Actor actor, Ref ref, String name, InputStream data) {
        requireEdit(owner(actor, ref));
        String clean = AttachmentNames.clean(name);
        MediaStore.Stored stored;
        String contentType;
        try {
            stored = store.put(data, maxFileSize());
        } catch (MediaStore.TooLargeException e) {
            throw tooLarge(clean);
        } catch (IOException e) {
            throw new UncheckedIOException("storing an upload failed", e);
        }
        try (InputStream in = store.open(stored.key())) {
            contentType = ContentTypes.detect(in);
        } catch (IOException e) {
            deleteQuietly(stored.key());
            throw new UncheckedIOException("reading a stored upload failed", e);
        }
        AttachmentView view;
        try {
            view = QuarkusTransaction.requiringNew().call(() -> {
                // The owner may have been deleted, or the permission taken away, while the bytes were copied.
                Owner now = owner(actor, ref);
                requireEdit(now);
                Attachment a = now.taskId() == null
                        ? Attachment.ofCard(now.cardId(), clean, stored, contentType, actor.userId(), now())
                        : Attachment.ofTask(now.taskId(), clean, stored, contentType, actor.userId(), now());
                attachments.persist(a);
                attachments.flush();
                AttachmentView saved = view(a, now.cardKey(), users.refs(List.of(actor.userId())));
                audited(actor, AuditAction.ATTACHMENT_ADDED, now, saved);
                return saved;
            });
        } catch (RuntimeException e) {
            deleteQuietly(stored.key());
            throw e;
        }
        added.fire(new AttachmentAdded(view.id(), view.thumbnailPending()));
        return view;
    }

    private Owner owner(Actor actor, Ref ref) {
        if (ref instanceof OnCard c) {
            CardView card = cards.get(actor, c.key());
            return new Owner(card.id(), card.typeId(), null, Optional.of(card.key()), null,
                    permissions.can(actor, card.typeId(), Action.EDIT));
        }
        TaskView task = tasks.get(actor, ((OnTask) ref).id());
        boolean assignee = task.assignee().map(u -> u.id() == actor.userId()).orElse(false);
        return new Owner(null, null, task.id(), task.card().map(CardRef::key), task.title(),
                task.allowed().edit() || assignee);
    }

    private void requireEdit(Owner owner) {
        if (!owner.mayEdit()) {
            throw new SphereException(ErrorCode.ACCESS_DENIED, null, Map.of("action", Action.EDIT.name()));
        }
    }

    /**
     * The audit event of an added or removed file: in the card's history for a card's file and for a file of a task
     * on a card (the detail names the task), otherwise in the general trail.
     */
    private void audited(Actor actor, AuditAction action, Owner owner, AttachmentView v) {
        Map<String, String> detail = new LinkedHashMap<>(auditDetail(v));
        if (owner.taskId() != null) {
            detail.put("task", String.valueOf(owner.taskId()));
            detail.put("title", owner.taskTitle());
        }
        if (owner.cardKey().isPresent()) {
            audit.onCard(actor, action, owner.cardKey().get(), List.of(), detail);
        } else {
            audit.general(actor, action, List.of(), detail);
        }
    }

    /** What the history says of a file: which one, by name, size, detected type and checksum. */
    private static Map<String, String> auditDetail(AttachmentView v) {
        return Map.of("attachment", String.valueOf(v.id()), "name", v.name(), "size", String.valueOf(v.size()),
                "contentType", v.contentType(), "sha256", v.sha256());
    }

    /** The refusal for a file over the limit, for callers that see the size before handing the bytes over. */
    public SphereException tooLarge(String name) {
        return new SphereException(ErrorCode.ATTACHMENT_TOO_LARGE, "file", Map.of("name",
                AttachmentNames.clean(name), "max", megabytes(maxFileSize())));
    }

    /**
     * The one way to remove an attachment. Needs the right to edit its owner (see the class). The row is marked
     * removed and the file stays (history keeps showing it; retention decides when the bytes go).
     */
    public AttachmentView remove(Actor actor, long id) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Attachment a = live(id);
            Owner owner = owner(actor, refOf(a));
            requireEdit(owner);
            a.remove(actor.userId(), now());
            attachments.flush();
            AttachmentView removed = view(a, owner.cardKey(), users.refs(a.uploadedBy() == null
                    ? List.of()
                    : List.of(a.uploadedBy())));
            audited(actor, AuditAction.ATTACHMENT_REMOVED, owner, removed);
            return removed;
        });
    }

    /** One live attachment, for download. Needs VIEW on its card, or to see its task. */
    public AttachmentView get(Actor actor, long id) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Attachment a = live(id);
            return view(a, owner(actor, refOf(a)).cardKey(), refsOf(a));
        });
    }

    /**
     * One attachment, live or removed, for the history's "view as of": whoever may view its owner may still open a
     * removed file. A file whose bytes retention purged answers {@link ErrorCode#ATTACHMENT_PURGED} (only to people
     * who may view the owner; to others it is missing like any other).
     */
    public AttachmentView getFromHistory(Actor actor, long id) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Attachment a = attachments.findByIdOptional(id)
                    .orElseThrow(() -> new SphereException(ErrorCode.ATTACHMENT_NOT_FOUND));
            Owner owner = owner(actor, refOf(a));
            if (a.purgedAt() != null) {
                throw new SphereException(ErrorCode.ATTACHMENT_PURGED, null, Map.of("name", a.originalName()));
            }
            return view(a, owner.cardKey(), refsOf(a));
        });
    }

    /** The bytes of an attachment the actor may view (see {@link #get}); the caller closes the stream. */
    public InputStream open(AttachmentView attachment) throws IOException {
        return store.open(attachment.storageKey());
    }

    public InputStream openThumbnail(AttachmentView attachment) throws IOException {
        return store.open(attachment.thumbnailKey().orElseThrow(() -> new SphereException(
                ErrorCode.ATTACHMENT_NOT_FOUND)));
    }

    // --- for the worker's thumbnails; no person behind these calls ---------------------------------------------

    /** What the worker needs to make a thumbnail, if the attachment still waits for one. */
    public record ThumbnailJob(long id, String storageKey, String contentType) {
    }

    public Optional<ThumbnailJob> thumbnailJob(long id) {
        return QuarkusTransaction.joiningExisting().call(() -> attachments.findByIdOptional(id)
                .filter(a -> a.thumbnailState() == ThumbnailState.PENDING)
                .map(a -> new ThumbnailJob(a.id(), a.storageKey(), a.contentType())));
    }

    /** Ids of attachments still waiting for a thumbnail, oldest first (the worker's sweep). */
    public List<Long> pendingThumbnails(int limit, java.time.Duration olderThan) {
        Instant before = now().minus(olderThan);
        return QuarkusTransaction.joiningExisting().call(() -> attachments.pending(limit, before));
    }

    /**
     * Records the outcome once: false when another worker got there first (the caller then deletes the thumbnail it
     * stored, if any).
     */
    public boolean recordThumbnail(long id, ThumbnailState state, String thumbnailKey, Integer width,
            Integer height, String reason) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<Attachment> found = attachments.find("id = ?1 and thumbnailState = ?2", id,
                    ThumbnailState.PENDING).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                    .firstResultOptional();
            if (found.isEmpty()) {
                return false;
            }
            found.get().thumbnail(state, thumbnailKey, width, height, reason == null
                    ? null
                    : reason.length() > 500 ? reason.substring(0, 500) : reason);
            return true;
        });
    }

    public MediaStore store() {
        return store;
    }

    private Attachment live(long id) {
        return attachments.findByIdOptional(id).filter(a -> a.removedAt() == null)
                .orElseThrow(() -> new SphereException(ErrorCode.ATTACHMENT_NOT_FOUND));
    }

    /** The owner of a stored row; never an id the client chose. */
    private Ref refOf(Attachment a) {
        if (a.taskId() != null) {
            return new OnTask(a.taskId());
        }
        return new OnCard(attachments.cardKey(a.cardId())
                .orElseThrow(() -> new SphereException(ErrorCode.CARD_NOT_FOUND)));
    }

    private Map<Long, UserRef> refsOf(Attachment a) {
        return users.refs(a.uploadedBy() == null ? List.of() : List.of(a.uploadedBy()));
    }

    private List<AttachmentView> views(List<Attachment> list, Optional<String> cardKey) {
        Map<Long, UserRef> refs = users.refs(list.stream().map(Attachment::uploadedBy).filter(Objects::nonNull)
                .toList());
        return list.stream().map(a -> view(a, cardKey, refs)).toList();
    }

    private static AttachmentView view(Attachment a, Optional<String> cardKey, Map<Long, UserRef> refs) {
        return new AttachmentView(a.id(), cardKey, Optional.ofNullable(a.taskId()), a.originalName(), a.size(),
                a.contentType(), a.sha256(), Optional.ofNullable(a.uploadedBy()).map(refs::get), a.uploadedAt(),
                a.thumbnailState(), Optional.ofNullable(a.thumbnailReason()), a.storageKey(),
                Optional.ofNullable(a.thumbnailKey()), Optional.ofNullable(a.removedAt()),
                Optional.ofNullable(a.purgedAt()));
    }

    private void deleteQuietly(String key) {
        try {
            store.delete(key);
        } catch (IOException e) {
            LOG.warnf("Could not delete the orphaned upload %s: %s", key, e.getMessage());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0
                ? String.valueOf(bytes / (1024 * 1024))
                : String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}
