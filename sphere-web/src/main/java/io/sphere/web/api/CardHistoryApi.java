package io.sphere.web.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.sphere.core.audit.AuditQuery;
import io.sphere.web.api.AuditApi.EventList;
import io.sphere.web.security.CurrentUser;

/** A card's history on the JSON API, for whoever may view the card (404 otherwise, like the card itself). */
@Path("/api/v1/cards/{key}/history")
@Produces(MediaType.APPLICATION_JSON)
public class CardHistoryApi {

    private final AuditQuery query;
    private final CurrentUser currentUser;

    CardHistoryApi(AuditQuery query, CurrentUser currentUser) {
        this.query = query;
        this.currentUser = currentUser;
    }

    /** Newest first; {@code cursor} from the previous page, {@code limit} 1–200. */
    @GET
    public EventList history(@PathParam("key") String key, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        return EventList.of(query.history(currentUser.actor(), key, AuditApi.opt(cursor), AuditApi.limit(limit)));
    }
}
