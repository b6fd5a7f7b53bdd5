package io.sphere.web.api;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.sphere.core.apitoken.ApiTokenService;
import io.sphere.core.apitoken.ApiTokenView;
import io.sphere.core.apitoken.CreatedApiToken;
import io.sphere.web.security.CurrentUser;

/** The caller's own personal API tokens. The token itself is in the creation answer only; Sphere keeps a hash. */
@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TokenApi {

    public record NewToken(String name) {
    }

    public record TokenJson(long id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt,
            boolean active) {

        static TokenJson of(ApiTokenView v) {
            return new TokenJson(v.id(), v.name(), v.createdAt(), v.lastUsedAt().orElse(null),
                    v.revokedAt().orElse(null), v.active());
        }
    }

    /** {@code token}: send it as {@code Authorization: Bearer TOKEN}; it cannot be read again. */
    public record CreatedToken(long id, String name, Instant createdAt, String token) {

        static CreatedToken of(CreatedApiToken c) {
            return new CreatedToken(c.view().id(), c.view().name(), c.view().createdAt(), c.token());
        }
    }

    private final ApiTokenService tokens;
    private final CurrentUser currentUser;

    TokenApi(ApiTokenService tokens, CurrentUser currentUser) {
        this.tokens = tokens;
        this.currentUser = currentUser;
    }

    @GET
    public List<TokenJson> list() {
        return tokens.list(currentUser.actor()).stream().map(TokenJson::of).toList();
    }

    @POST
    public Response create(NewToken body) {
        CreatedApiToken created = tokens.create(currentUser.actor(), CardApi.required(body).name());
        return Response.status(201).entity(CreatedToken.of(created)).build();
    }

    @DELETE
    @Path("/{id}")
    public TokenJson revoke(@PathParam("id") long id) {
        return TokenJson.of(tokens.revoke(currentUser.actor(), id));
    }
}
