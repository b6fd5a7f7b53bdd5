package io.sphere.core.task;

public enum TaskStatus {
    OPEN,
    DONE,
    CANCELLED
}
