package io.sphere.core.attachment;

import java.time.Instant;
import java.util.Optional;

import io.sphere.core.user.UserRef;

/**
 * An attachment as pages and the API show it. {@code name} is already cleaned ({@link AttachmentNames}); the
 * storage keys are for the web's download answer (never shown to a person). {@code inline}: a browser may show it.
 */
public record AttachmentView(long id, long cardId, String cardKey, String name, long size, String contentType,
        String sha256, Optional<UserRef> uploadedBy, Instant uploadedAt, ThumbnailState thumbnailState,
        Optional<String> thumbnailReason, String storageKey, Optional<String> thumbnailKey,
        Optional<Instant> removedAt) {

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
