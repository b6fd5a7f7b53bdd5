package io.sphere.core.task;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A task row. The worker's scans (overdue, due soon) write their bookkeeping columns with SQL, not through here. */
@Entity
@Table(name = "task")
class Task {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "card_id")
    private Long cardId;

    private String title;

    private String description;

    @Column(name = "assignee_id")
    private Long assigneeId;

    @Column(name = "candidate_group_id")
    private Long candidateGroupId;

    @Column(name = "due_at")
    private Instant dueAt;

    @Enumerated(EnumType.STRING)
    private TaskStatus status;

    private boolean overdue;

    @Column(name = "completed_by")
    private Long completedBy;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "created_by")
    private Long createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_by")
    private Long updatedBy;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected Task() {
    }

    static Task open(Long cardId, long by, Instant now) {
        Task t = new Task();
        t.cardId = cardId;
        t.status = TaskStatus.OPEN;
        t.description = "";
        t.createdBy = by;
        t.createdAt = now;
        t.updatedBy = by;
        t.updatedAt = now;
        return t;
    }

    /** A due date moved later clears the overdue mark at once; the worker sets it (and notifies) when it passes. */
    void edit(String title, String description, Instant dueAt, Long candidateGroupId, long by, Instant now) {
        this.title = title;
        this.description = description;
        this.dueAt = dueAt;
        this.candidateGroupId = candidateGroupId;
        this.overdue = status == TaskStatus.OPEN && dueAt != null && dueAt.isBefore(now);
        touch(by, now);
    }

    void assign(Long userId, long by, Instant now) {
        this.assigneeId = userId;
        touch(by, now);
    }

    void complete(long by, Instant now) {
        this.status = TaskStatus.DONE;
        this.completedBy = by;
        this.completedAt = now;
        this.overdue = false;
        touch(by, now);
    }

    void cancel(long by, Instant now) {
        this.status = TaskStatus.CANCELLED;
        this.completedBy = by;
        this.completedAt = now;
        this.overdue = false;
        touch(by, now);
    }

    void reopen(long by, Instant now) {
        this.status = TaskStatus.OPEN;
        this.completedBy = null;
        this.completedAt = null;
        this.overdue = dueAt != null && dueAt.isBefore(now);
        touch(by, now);
    }

    private void touch(long by, Instant now) {
        this.updatedBy = by;
        this.updatedAt = now;
    }

    Long id() {
        return id;
    }

    Long cardId() {
        return cardId;
    }

    String title() {
        return title;
    }

    String description() {
        return description;
    }

    Long assigneeId() {
        return assigneeId;
    }

    Long candidateGroupId() {
        return candidateGroupId;
    }

    Instant dueAt() {
        return dueAt;
    }

    TaskStatus status() {
        return status;
    }

    boolean overdue() {
        return overdue;
    }

    Long completedBy() {
        return completedBy;
    }

    Instant completedAt() {
        return completedAt;
    }

    Long createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    long version() {
        return version;
    }
}
