package io.sphere.core.audit;

/** The card an event is about, as it is after the change. */
public record AuditedCard(long id, String key, long typeId, long version) {
}
