package io.sphere.core.attachment;

import java.time.Instant;
import java.util.Optional;

import io.sphere.core.user.UserRef;

/**
 * An attachment as pages and the API show it. {@code cardKey}: the card it belongs to, directly or through its task
 * (empty for a task without a card); {@code taskId}: the task it belongs to, if it is a task's file. {@code name} is
 * already cleaned ({@link AttachmentNames}); the storage keys are for the web's download answer (never shown to a
 * person). {@code inline}: a browser may show it. {@code purgedAt}: retention deleted the bytes of this removed file.
 */
public record AttachmentView(long id, Optional<String> cardKey, Optional<Long> taskId, String name, long size,
        String contentType, String sha256, Optional<UserRef> uploadedBy, Instant uploadedAt,
        ThumbnailState thumbnailState, Optional<String> thumbnailReason, String storageKey,
        Optional<String> thumbnailKey, Optional<Instant> removedAt, Optional<Instant> purgedAt) {

    public boolean removed() {
        return removedAt.isPresent();
    }

    public boolean inline() {
        return ContentTypes.inline(contentType);
    }

    public boolean image() {
        return ContentTypes.thumbnailed(contentType);
    }

    public boolean thumbnailReady() {
        return thumbnailState == ThumbnailState.READY;
    }

    public boolean thumbnailPending() {
        return thumbnailState == ThumbnailState.PENDING;
    }
}
