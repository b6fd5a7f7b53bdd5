package io.sphere.web.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.sphere.core.cardtype.CardTypeDefinition;
import io.sphere.core.cardtype.CardTypeService;
import io.sphere.core.cardtype.CardTypeView;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.ValidationException;
import io.sphere.core.error.ValidationException.FieldError;
import io.sphere.core.permission.Action;
import io.sphere.web.security.CurrentUser;

/**
 * Card types: the ones the caller has any permission on, with their fields, stages and transitions; the superuser
 * creates them, their administrators save new versions (core decides both).
 */
@Path("/api/v1/card-types")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CardTypeApi {

    /** A new type; {@code definition} in the stored form (groups by id), see docs/card-type-format.md. */
    public record NewCardType(String key, String name, String description, CardTypeDefinition definition) {
    }

    /** A new version; {@code version} is the one last read, a stale one is refused with 409. */
    public record CardTypeChange(Long version, String name, String description, CardTypeDefinition definition) {
    }

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

    @POST
    public Response create(NewCardType body) {
        NewCardType b = CardApi.required(body);
        CardTypeView created = types.create(currentUser.actor(), b.key(), b.name(), b.description(), b.definition());
        return Response.created(URI.create("/api/v1/card-types/" + created.key())).entity(CardTypeJson.of(created))
                .build();
    }

    @PUT
    @Path("/{key}")
    public CardTypeJson update(@PathParam("key") String key, CardTypeChange body) {
        CardTypeChange b = CardApi.required(body);
        if (b.version() == null) {
            throw new ValidationException(ErrorCode.VALIDATION_FAILED,
                    List.of(new FieldError("version", ErrorCode.FIELD_REQUIRED, Map.of("label", "version"))));
        }
        return CardTypeJson.of(types.update(currentUser.actor(), key, b.version(), b.name(), b.description(),
                b.definition()));
    }
}
