package io.sphere.core.attachment;

/** Where the thumbnail of an attachment stands: not made yet, made, not an image, or refused/failed (with why). */
public enum ThumbnailState {
    PENDING,
    READY,
    NONE,
    FAILED
}
