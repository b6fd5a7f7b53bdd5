package io.sphere.core.task;

/** Every change a task can go through; each one is recorded as a task event (and, once wired, in the audit trail). */
public enum TaskAction {
    CREATED,
    EDITED,
    ASSIGNED,
    REASSIGNED,
    CLAIMED,
    COMPLETED,
    CANCELLED,
    REOPENED
}
