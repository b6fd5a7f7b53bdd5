package io.sphere.core.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import io.sphere.core.card.CardService;
import io.sphere.core.card.CardView;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.permission.Action;
import io.sphere.core.permission.PermissionService;
import io.sphere.core.security.Actor;
import io.sphere.core.user.UserDirectory;
import io.sphere.core.user.UserRef;

/**
 * Files attached to cards. Permissions are the card's: who may view the card may list and download its files, who
 * may edit it may add and remove them; a card the actor may not view answers {@link ErrorCode#CARD_NOT_FOUND}.
 * Adding goes through {@link #add} and removing through {@link #remove} only, so that each is one place for the
 * card's audit trail.
 * <p>
 * The bytes are copied into the store outside any database transaction (an upload of 50 MB must not hold a
 * connection); the row is written afterwards in a short one, and the file is deleted again if that fails.
 */
@ApplicationScoped
public class AttachmentService {

    private static final Logger LOG = Logger.getLogger(AttachmentService.class);

    private final AttachmentRepository attachments;
    private final CardService cards;
    private final PermissionService permissions;
    private final UserDirectory users;
    private final MediaStore store;
    private final MediaConfig config;
    private final Event<AttachmentAdded> added;
    private final AuditTrail audit;
    private final Clock clock;

    AttachmentService(AttachmentRepository attachments, CardService cards, PermissionService permissions,
            UserDirectory users, MediaStore store, MediaConfig config, Event<AttachmentAdded> added, AuditTrail audit,
            Clock clock) {
        this.audit = audit;
        this.attachments = attachments;
        this.cards = cards;
        this.permissions = permissions;
        this.users = users;
        this.store = store;
        this.config = config;
        this.added = added;
        this.clock = clock;
    }

    public long maxFileSize() {
        return config.maxFileSize().asLongValue();
    }

    /** Live attachments of a card, oldest first. Needs VIEW on the card. */
    public List<AttachmentView> list(Actor actor, String cardKey) {
        CardView card = cards.get(actor, cardKey);
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<Attachment> list = attachments.liveOfCard(card.id());
            Map<Long, UserRef> refs = users.refs(list.stream().map(Attachment::uploadedBy).filter(Objects::nonNull)
                    .toList());
            return list.stream().map(a -> view(a, card.key(), refs)).toList();
        });
    }

    /** Whether the actor may add and remove attachments of this (viewable) card: for showing the form. */
    public boolean mayEdit(Actor actor, String cardKey) {
        CardView card = cards.get(actor, cardKey);
        return permissions.can(actor, card.typeId(), Action.EDIT);
    }

    /** Refuses like {@link #add} would (404 for a card the actor may not view, 403 without EDIT). */
    public void mayEditOrThrow(Actor actor, String cardKey) {
        CardView card = cards.get(actor, cardKey);
        permissions.require(actor, card.typeId(), Action.EDIT);
    }

    /**
     * The one way to add an attachment. Needs EDIT on the card. The content type is detected from the stored bytes;
     * {@code name} is cleaned ({@link AttachmentNames#clean}). Over {@code sphere.media.max-file-size}:
     * {@link ErrorCode#ATTACHMENT_TOO_LARGE}, with nothing stored.
     */
    public AttachmentView add(Actor actor, String cardKey, String name, InputStream data) {
        CardView card = cards.get(actor, cardKey);
        permissions.require(actor, card.typeId(), Action.EDIT);
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
                // The card may have been deleted, or the permission taken away, while the bytes were copied.
                CardView now = cards.get(actor, cardKey);
                permissions.require(actor, now.typeId(), Action.EDIT);
                Attachment a = Attachment.of(now.id(), clean, stored, contentType, actor.userId(), now());
                attachments.persist(a);
                attachments.flush();
                AttachmentView saved = view(a, now.key(), users.refs(List.of(actor.userId())));
                audit.onCard(actor, AuditAction.ATTACHMENT_ADDED, now.key(), List.of(), auditDetail(saved));
                return saved;
            });
        } catch (RuntimeException e) {
            deleteQuietly(stored.key());
            throw e;
        }
        added.fire(new AttachmentAdded(view.id(), view.thumbnailPending()));
        return view;
    }

    /** What the card's history says of a file: which one, by name, size, detected type and checksum. */
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
     * The one way to remove an attachment. Needs EDIT on its card. The row is marked removed and the file stays
     * (history keeps showing it; retention decides when the bytes go).
     */
    public AttachmentView remove(Actor actor, long id) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Attachment a = live(id);
            CardView card = cards.get(actor, cardKeyOf(a));
            permissions.require(actor, card.typeId(), Action.EDIT);
            a.remove(actor.userId(), now());
            attachments.flush();
            AttachmentView removed = view(a, card.key(), users.refs(List.of(a.uploadedBy() == null
                    ? actor.userId()
                    : a.uploadedBy())));
            audit.onCard(actor, AuditAction.ATTACHMENT_REMOVED, card.key(), List.of(), auditDetail(removed));
            return removed;
        });
    }

    /** One live attachment, for download. Needs VIEW on its card. */
    public AttachmentView get(Actor actor, long id) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Attachment a = live(id);
            CardView card = cards.get(actor, cardKeyOf(a));
            return view(a, card.key(), users.refs(a.uploadedBy() == null ? List.of() : List.of(a.uploadedBy())));
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
        return attachments.findByIdOptional(id).filter(a -> a.removedAt() == null && a.cardId() != null)
                .orElseThrow(() -> new SphereException(ErrorCode.ATTACHMENT_NOT_FOUND));
    }

    private String cardKeyOf(Attachment a) {
        return attachments.cardKey(a.cardId()).orElseThrow(() -> new SphereException(ErrorCode.CARD_NOT_FOUND));
    }

    private static AttachmentView view(Attachment a, String cardKey, Map<Long, UserRef> refs) {
        return new AttachmentView(a.id(), a.cardId(), cardKey, a.originalName(), a.size(), a.contentType(),
                a.sha256(), Optional.ofNullable(a.uploadedBy()).map(refs::get), a.uploadedAt(), a.thumbnailState(),
                Optional.ofNullable(a.thumbnailReason()), a.storageKey(), Optional.ofNullable(a.thumbnailKey()),
                Optional.ofNullable(a.removedAt()));
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
