package io.sphere.web.api;

import java.util.List;
import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.sphere.core.cardtype.CardTypeDefinition;
import io.sphere.core.cardtype.CardTypeService;
import io.sphere.core.cardtype.CardTypeView;
import io.sphere.core.permission.Action;
import io.sphere.web.security.CurrentUser;

/** Card types, read only: the ones the caller has any permission on, with their fields, stages and transitions. */
@Path("/api/v1/card-types")
@Produces(MediaType.APPLICATION_JSON)
public class CardTypeApi {

    /** {@code actions}: what the caller may do with cards of this type. */
    public record CardTypeItem(String key, String name, String description, Set<Action> actions) {
    }

    public record CardTypeJson(String key, String name, String description, int definitionVersion, long version,
            CardTypeDefinition definition) {

        static CardTypeJson of(CardTypeView v) {
            return new CardTypeJson(v.key(), v.name(), v.description(), v.definitionVersion(), v.version(),
                    v.definition());
        }
    }

    private final CardTypeService types;
    private final CurrentUser currentUser;

    CardTypeApi(CardTypeService types, CurrentUser currentUser) {
        this.types = types;
        this.currentUser = currentUser;
    }

    @GET
    public List<CardTypeItem> list() {
        return types.list(currentUser.actor()).stream()
                .map(t -> new CardTypeItem(t.key(), t.name(), t.description(), t.actions())).toList();
    }

    @GET
    @Path("/{key}")
    public CardTypeJson get(@PathParam("key") String key) {
        return CardTypeJson.of(types.get(currentUser.actor(), key));
    }
}
