package io.sphere.core.audit;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hibernate.Session;

import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.security.Actor;

/**
 * Records audit events. Every method must run inside the transaction of the change it records
 * ({@code MANDATORY}): the event enters the outbox table with the change or not at all, so an acknowledged change
 * without its event cannot exist, whatever happens to RabbitMQ or the processes afterwards. Recording never talks
 * to the broker; sphere-web's relay does, after the commit. With {@code sphere.audit.enabled=false} nothing is
 * recorded and every method returns null ({@link AuditConfig}).
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class AuditTrail {

    private final EntityManager em;
    private final RequestIdSource requestIds;
    private final Event<AuditRecorded> recorded;
    private final Clock clock;
    private final boolean enabled;

    AuditTrail(EntityManager em, RequestIdSource requestIds, Event<AuditRecorded> recorded, Clock clock,
            AuditConfig config) {
        this.em = em;
        this.requestIds = requestIds;
        this.recorded = recorded;
        this.clock = clock;
        this.enabled = config.enabled();
    }

    /** A change to a card whose state after the change the caller holds. */
    public UUID onCard(Actor actor, AuditAction action, AuditedCard card, List<AuditChange> changes,
            Map<String, String> detail) {
        return write(action, actor.userId(), actor.email(), card, changes, detail);
    }

    /**
     * A change to something that belongs to a card (a task, an attachment): the card is looked up by key, after the
     * caller's pending writes are flushed, so the event carries its current version.
     */
    public UUID onCard(Actor actor, AuditAction action, String cardKey, List<AuditChange> changes,
            Map<String, String> detail) {
        if (!enabled) {
            return null;
        }
        em.flush();
        List<?> rows = em.createNativeQuery("SELECT id, card_type_id, version FROM card WHERE key = :key")
                .setParameter("key", cardKey).getResultList();
        if (rows.isEmpty()) {
            throw new SphereException(ErrorCode.CARD_NOT_FOUND);
        }
        Object[] r = (Object[]) rows.get(0);
        AuditedCard card = new AuditedCard(((Number) r[0]).longValue(), cardKey, ((Number) r[1]).longValue(),
                ((Number) r[2]).longValue());
        return onCard(actor, action, card, changes, detail);
    }

    /** Something that concerns no card: security events, or a task without a card. */
    public UUID general(Actor actor, AuditAction action, List<AuditChange> changes, Map<String, String> detail) {
        return write(action, actor.userId(), actor.email(), null, changes, detail);
    }

    /**
     * A security event about an account; {@code actorId} may be null when nobody is known (a failed login with an
     * unknown e-mail, which then goes in {@code detail}).
     */
    public UUID security(Long actorId, String actorEmail, AuditAction action, Map<String, String> detail) {
        return write(action, actorId, actorEmail, null, List.of(), detail);
    }

    private UUID write(AuditAction action, Long actorId, String actorEmail, AuditedCard card,
            List<AuditChange> changes, Map<String, String> detail) {
        if (!enabled) {
            return null;
        }
        UUID id = EventIds.next();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AuditEvent event = new AuditEvent(AuditEvent.SCHEMA, id, at, action.name(), actorId, actorEmail,
                card == null ? null : card.id(), card == null ? null : card.key(),
                card == null ? null : card.typeId(), card == null ? null : card.version(),
                requestIds.current().orElse(null), changes, detail);
        // Plain JDBC on the transaction's own connection: Hibernate's native query flushed the session (the caller
        // has flushed what the event needs) and parsed the statement on every event.
        String payload = AuditCodec.encodeText(event);
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO audit_outbox (event_id, occurred_at, payload) VALUES (?, ?, ?)")) {
                ps.setObject(1, id);
                ps.setObject(2, at.atOffset(ZoneOffset.UTC));
                ps.setString(3, payload);
                ps.executeUpdate();
            }
        });
        recorded.fire(new AuditRecorded(id));
        return id;
    }
}
