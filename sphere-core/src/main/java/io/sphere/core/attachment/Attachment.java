package io.sphere.core.attachment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One uploaded file of a card or of a task (exactly one of {@code cardId}, {@code taskId}); the bytes are in the
 * {@link MediaStore} under {@code storageKey} until retention purges a removed file ({@code purgedAt}).
 */
@Entity
@Table(name = "attachment")
class Attachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "card_id")
    private Long cardId;

    @Column(name = "task_id")
    private Long taskId;

    @Column(name = "original_name")
    private String originalName;

    @Column(name = "size_bytes")
    private long size;

    @Column(name = "content_type")
    private String contentType;

    private String sha256;

    @Column(name = "storage_key")
    private String storageKey;

    @Column(name = "uploaded_by")
    private Long uploadedBy;

    @Column(name = "uploaded_at")
    private Instant uploadedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "thumbnail_state")
    private ThumbnailState thumbnailState;

    @Column(name = "thumbnail_key")
    private String thumbnailKey;

    @Column(name = "thumbnail_reason")
    private String thumbnailReason;

    @Column(name = "thumbnail_width")
    private Integer thumbnailWidth;

    @Column(name = "thumbnail_height")
    private Integer thumbnailHeight;

    @Column(name = "removed_at")
    private Instant removedAt;

    @Column(name = "removed_by")
    private Long removedBy;

    @Column(name = "purged_at")
    private Instant purgedAt;

    protected Attachment() {
    }

    static Attachment ofCard(long cardId, String name, MediaStore.Stored stored, String contentType, long uploader,
            Instant now) {
        Attachment a = of(name, stored, contentType, uploader, now);
        a.cardId = cardId;
        return a;
    }

    static Attachment ofTask(long taskId, String name, MediaStore.Stored stored, String contentType, long uploader,
            Instant now) {
        Attachment a = of(name, stored, contentType, uploader, now);
        a.taskId = taskId;
        return a;
    }

    private static Attachment of(String name, MediaStore.Stored stored, String contentType, long uploader,
            Instant now) {
        Attachment a = new Attachment();
        a.originalName = name;
        a.size = stored.size();
        a.sha256 = stored.sha256();
        a.storageKey = stored.key();
        a.contentType = contentType;
        a.uploadedBy = uploader;
        a.uploadedAt = now;
        a.thumbnailState = ContentTypes.thumbnailed(contentType) ? ThumbnailState.PENDING : ThumbnailState.NONE;
        return a;
    }

    void remove(long by, Instant now) {
        removedAt = now;
        removedBy = by;
    }

    void thumbnail(ThumbnailState state, String key, Integer width, Integer height, String reason) {
        thumbnailState = state;
        thumbnailKey = key;
        thumbnailWidth = width;
        thumbnailHeight = height;
        thumbnailReason = reason;
    }

    Long id() {
        return id;
    }

    Long cardId() {
        return cardId;
    }

    Long taskId() {
        return taskId;
    }

    String originalName() {
        return originalName;
    }

    long size() {
        return size;
    }

    String contentType() {
        return contentType;
    }

    String sha256() {
        return sha256;
    }

    String storageKey() {
        return storageKey;
    }

    Long uploadedBy() {
        return uploadedBy;
    }

    Instant uploadedAt() {
        return uploadedAt;
    }

    ThumbnailState thumbnailState() {
        return thumbnailState;
    }

    String thumbnailKey() {
        return thumbnailKey;
    }

    String thumbnailReason() {
        return thumbnailReason;
    }

    Integer thumbnailWidth() {
        return thumbnailWidth;
    }

    Integer thumbnailHeight() {
        return thumbnailHeight;
    }

    Instant removedAt() {
        return removedAt;
    }

    Long removedBy() {
        return removedBy;
    }

    Instant purgedAt() {
        return purgedAt;
    }
}
