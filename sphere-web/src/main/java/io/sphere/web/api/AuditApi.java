package io.sphere.web.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import io.sphere.core.audit.AuditQuery;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.web.security.CurrentUser;

/**
 * The administrators' audit search on the JSON API: the superuser sees everything; others only card events of
 * types they may view and administer (for an ordinary operator: nothing). A card's history is
 * {@link CardHistoryApi}.
 */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditApi {

    static final int DEFAULT_LIMIT = 50;

    public record ChangeJson(String field, String label, String kind, JsonNode from, JsonNode to, String fromText,
            String toText) {
    }

    public record ActorJson(Long id, String email, String name) {
    }

    public record EventJson(String eventId, Instant occurredAt, String action, ActorJson actor, String card,
            String cardType, Long cardVersion, String requestId, List<ChangeJson> changes,
            Map<String, String> detail) {

        static EventJson of(AuditQuery.Entry e) {
            return new EventJson(e.eventId().toString(), e.occurredAt(), e.action(),
                    new ActorJson(e.actorId(), e.actorEmail(), e.actorName().orElse(null)), e.cardKey(),
                    e.cardTypeKey(), e.cardVersion(), e.requestId() == null ? null : e.requestId().toString(),
                    e.changes().stream().map(c -> new ChangeJson(c.field(), c.label(), c.kind(), c.from(), c.to(),
                            c.fromText(), c.toText())).toList(),
                    e.detail());
        }
    }

    public record EventList(List<EventJson> items, String nextCursor) {

        static EventList of(AuditQuery.Page page) {
            return new EventList(page.entries().stream().map(EventJson::of).toList(), page.nextCursor().orElse(null));
        }
    }

    private final AuditQuery query;
    private final CurrentUser currentUser;

    AuditApi(AuditQuery query, CurrentUser currentUser) {
        this.query = query;
        this.currentUser = currentUser;
    }

    /**
     * Search: {@code actor} (e-mail), {@code type} (card type key), {@code card} (card key), {@code action},
     * {@code field}, {@code from}/{@code to} (ISO instants, [from, to)), {@code cursor}, {@code limit} (1–200).
     */
    @GET
    public EventList search(@QueryParam("actor") String actor, @QueryParam("type") String type,
            @QueryParam("card") String card, @QueryParam("action") String action, @QueryParam("field") String field,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        AuditQuery.Filter filter = new AuditQuery.Filter(opt(actor), opt(type), opt(card), opt(action), opt(field),
                instant("from", from), instant("to", to));
        return EventList.of(query.search(currentUser.actor(), filter, opt(cursor), limit(limit)));
    }

    static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(raw.strip());
            if (n >= 1 && n <= AuditQuery.MAX_PAGE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, like any other out-of-range value
        }
        throw new SphereException(ErrorCode.FILTER_INVALID, "limit", Map.of("value", raw));
    }

    private static Optional<Instant> instant(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(raw.strip()));
        } catch (DateTimeParseException e) {
            throw new SphereException(ErrorCode.FILTER_INVALID, name, Map.of("value", raw));
        }
    }

    static Optional<String> opt(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }
}
