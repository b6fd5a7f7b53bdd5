package io.sphere.web.api;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.sphere.core.card.CardFilter;
import io.sphere.core.card.CardInput;
import io.sphere.core.card.CardPage;
import io.sphere.core.card.CardQuery;
import io.sphere.core.card.CardService;
import io.sphere.core.card.CardSort;
import io.sphere.core.card.CardView;
import io.sphere.core.card.Priority;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.error.ValidationException;
import io.sphere.core.error.ValidationException.FieldError;
import io.sphere.core.security.Actor;
import io.sphere.web.security.CurrentUser;

/**
 * Cards on the JSON API; every permission check is core's, so the API refuses exactly what the pages refuse. One
 * transaction per request, core's: the card core answers carries the transitions its reader may fire, decided in
 * the transaction that made the change (issue 8). Permissions are read afresh by every request.
 */
@Path("/api/v1/cards")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CardApi {

    static final int DEFAULT_LIMIT = 50;

    /** A new card of {@code type}; {@code values} maps field keys to JSON values. */
    public record NewCard(String type, String title, Map<String, Object> values, Priority priority, Instant dueAt,
            Long candidateGroupId, Long assigneeId) {
    }

    /** A full edit: fields missing from {@code values} keep their value; {@code version} is the one last read. */
    public record CardChange(Long version, String title, Map<String, Object> values, Priority priority,
            Instant dueAt, Long candidateGroupId) {
    }

    public record TransitionRequest(String transition, Long version) {
    }

    /** {@code userId} null: nobody. */
    public record Assignment(Long userId) {
    }

    public record NewComment(String text) {
    }

    /** {@code total} is exact up to 10,000 matching cards; beyond, it is 10,000 and {@code totalIsLowerBound} is true. */
    public record CardList(List<CardJson.Summary> items, long total, boolean totalIsLowerBound, String nextCursor) {
    }

    private final CardService cards;
    private final CardQuery query;
    private final CurrentUser currentUser;

    CardApi(CardService cards, CardQuery query, CurrentUser currentUser) {
        this.cards = cards;
        this.query = query;
        this.currentUser = currentUser;
    }

    /**
     * Cards the caller may see. Filters: {@code type}, {@code scope} (all, assigned, watching, groups), {@code stage},
     * {@code assignee} (user id), {@code overdue}, {@code open}, {@code priority}, {@code createdFrom}/
     * {@code createdTo}/{@code updatedFrom}/{@code updatedTo} (ISO instants, [from, to)), {@code field.KEY=value}
     * (needs {@code type}), {@code q} (text), {@code sort} ({@code -updated}, {@code title}…), {@code cursor} from
     * the previous page, {@code limit} (1–200).
     */
    @GET
    public CardList list(@QueryParam("type") String type, @QueryParam("scope") String scope,
            @QueryParam("stage") String stage, @QueryParam("assignee") String assignee,
            @QueryParam("overdue") String overdue, @QueryParam("open") String open,
            @QueryParam("priority") String priority, @QueryParam("createdFrom") String createdFrom,
            @QueryParam("createdTo") String createdTo, @QueryParam("updatedFrom") String updatedFrom,
            @QueryParam("updatedTo") String updatedTo, @QueryParam("q") String text, @QueryParam("sort") String sort,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit, UriInfo uri) {
        CardFilter filter = CardFilter.all().type(blankToNull(type)).scope(scope(scope)).stage(blankToNull(stage))
                .assignee(number("assignee", assignee)).overdue(bool("overdue", overdue)).open(bool("open", open))
                .priority(priority(priority))
                .created(instant("createdFrom", createdFrom), instant("createdTo", createdTo))
                .updated(instant("updatedFrom", updatedFrom), instant("updatedTo", updatedTo))
                .text(blankToNull(text));
        for (var e : uri.getQueryParameters().entrySet()) {
            if (e.getKey().startsWith("field.") && !e.getValue().isEmpty()) {
                filter = filter.field(e.getKey().substring("field.".length()), e.getValue().get(0));
            }
        }
        Long asked = number("limit", limit);
        long size = asked == null ? DEFAULT_LIMIT : asked;
        if (size < 1 || size > CardQuery.MAX_PAGE) {
            throw new SphereException(ErrorCode.FILTER_INVALID, "limit", Map.of("value", String.valueOf(limit)));
        }
        CardPage page = query.list(actor(), filter, CardSort.parse(sort), Optional.ofNullable(blankToNull(cursor)),
                (int) size);
        return new CardList(page.items().stream().map(CardJson.Summary::of).toList(), page.total(),
                page.totalIsLowerBound(), page.nextCursor().orElse(null));
    }

    @GET
    @Path("/{key}")
    public CardJson get(@PathParam("key") String key) {
        return json(cards.get(actor(), key));
    }

    @POST
    public Response create(NewCard body) {
        NewCard b = required(body);
        CardView created = cards.create(actor(), b.type(), new CardInput(b.title(), b.values(), b.priority(),
                b.dueAt(), b.candidateGroupId(), b.assigneeId()));
        return Response.created(URI.create("/api/v1/cards/" + created.key())).entity(json(created)).build();
    }

    @PUT
    @Path("/{key}")
    public CardJson update(@PathParam("key") String key, CardChange body) {
        CardChange b = required(body);
        return json(cards.update(actor(), key, version(b.version()), new CardInput(b.title(), b.values(),
                b.priority(), b.dueAt(), b.candidateGroupId(), null)));
    }

    @POST
    @Path("/{key}/transitions")
    public CardJson transition(@PathParam("key") String key, TransitionRequest body) {
        TransitionRequest b = required(body);
        return json(cards.transition(actor(), key, version(b.version()), b.transition()));
    }

    @PUT
    @Path("/{key}/assignee")
    public CardJson assign(@PathParam("key") String key, Assignment body) {
        return json(cards.assign(actor(), key, required(body).userId()));
    }

    /** The caller starts watching the card; watching it already changes nothing. Answers the card. */
    @PUT
    @Path("/{key}/watchers/me")
    @Consumes(MediaType.WILDCARD)
    public CardJson watch(@PathParam("key") String key) {
        return json(cards.watch(actor(), key));
    }

    /** The caller stops watching the card; not watching it already changes nothing. Answers the card. */
    @DELETE
    @Path("/{key}/watchers/me")
    @Consumes(MediaType.WILDCARD)
    public CardJson unwatch(@PathParam("key") String key) {
        return json(cards.unwatch(actor(), key));
    }

    @GET
    @Path("/{key}/comments")
    public List<CardJson.Comment> comments(@PathParam("key") String key) {
        return cards.comments(actor(), key).stream().map(CardJson.Comment::of).toList();
    }

    @POST
    @Path("/{key}/comments")
    public Response comment(@PathParam("key") String key, NewComment body) {
        return Response.status(201).entity(CardJson.Comment.of(cards.comment(actor(), key, required(body).text())))
                .build();
    }

    @DELETE
    @Path("/{key}")
    public Response delete(@PathParam("key") String key) {
        cards.delete(actor(), key);
        return Response.noContent().build();
    }

    private static CardJson json(CardView card) {
        return CardJson.of(card, card.transitions());
    }

    private Actor actor() {
        return currentUser.actor();
    }

    static <T> T required(T body) {
        if (body == null) {
            throw new BadRequestException("a JSON body is required");
        }
        return body;
    }

    private static long version(Long version) {
        if (version == null) {
            throw new ValidationException(ErrorCode.VALIDATION_FAILED,
                    List.of(new FieldError("version", ErrorCode.FIELD_REQUIRED, Map.of("label", "version"))));
        }
        return version;
    }

    private static Long number(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw new SphereException(ErrorCode.FILTER_INVALID, name, Map.of("value", raw));
        }
    }

    private static Boolean bool(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new SphereException(ErrorCode.FILTER_INVALID, name, Map.of("value", raw));
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static CardFilter.Scope scope(String raw) {
        if (raw == null || raw.isBlank()) {
            return CardFilter.Scope.ALL_VISIBLE;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "all" -> CardFilter.Scope.ALL_VISIBLE;
            case "assigned" -> CardFilter.Scope.ASSIGNED_TO_ME;
            case "watching" -> CardFilter.Scope.WATCHING;
            case "groups" -> CardFilter.Scope.MY_GROUPS;
            default -> throw new SphereException(ErrorCode.FILTER_INVALID, "scope", Map.of("value", raw));
        };
    }

    private static Priority priority(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Priority.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SphereException(ErrorCode.FILTER_INVALID, "priority", Map.of("value", raw));
        }
    }

    private static Instant instant(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new SphereException(ErrorCode.FILTER_INVALID, name, Map.of("value", raw));
        }
    }
}
