package io.sphere.core.audit;

/**
 * What an audit event records. Stored and sent by name; a worker accepts any well-formed name, so a web that knows
 * a newer action never has its events dead-lettered by an older worker.
 */
public enum AuditAction {
    CARD_CREATED,
    CARD_UPDATED,
    CARD_TRANSITIONED,
    CARD_ASSIGNED,
    CARD_WATCHED,
    CARD_UNWATCHED,
    CARD_COMMENTED,
    CARD_DELETED,
    ATTACHMENT_ADDED,
    ATTACHMENT_REMOVED,
    TASK_CREATED,
    TASK_UPDATED,
    LOGIN,
    LOGIN_FAILED,
    LOGOUT,
    PASSWORD_CHANGED,
    PERMISSION_CHANGED,
    API_TOKEN_CREATED,
    API_TOKEN_REVOKED;

    /** Events about accounts rather than cards; only the superuser searches them. */
    public boolean isSecurity() {
        return ordinal() >= LOGIN.ordinal();
    }
}
