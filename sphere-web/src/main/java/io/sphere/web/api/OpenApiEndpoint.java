package io.sphere.web.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Serves the OpenAPI document where Quarkus served it: {@code /q/openapi} in YAML, or JSON with
 * {@code ?format=json} or {@code Accept: application/json}; {@code /q/openapi.json}, {@code .yaml} and {@code .yml}
 * name their format. Signed-in people only (the permission "api" in application.properties). Left out of the
 * document itself.
 */
@Path("/q")
public class OpenApiEndpoint {

    static final String YAML = "application/yaml;charset=UTF-8";
    static final String JSON = "application/json;charset=UTF-8";

    private final ApiDocuments documents;

    OpenApiEndpoint(ApiDocuments documents) {
        this.documents = documents;
    }

    @GET
    @Path("openapi")
    @Operation(hidden = true)
    public Response negotiated(@QueryParam("format") String format, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        boolean json = format != null
                ? format.equalsIgnoreCase("json")
                : accept != null && accept.contains("application/json");
        return json ? json() : yaml();
    }

    @GET
    @Path("openapi.json")
    @Operation(hidden = true)
    public Response json() {
        return Response.ok(documents.get().json(), JSON).build();
    }

    @GET
    @Path("{name: openapi\\.ya?ml}")
    @Operation(hidden = true)
    public Response yaml() {
        return Response.ok(documents.get().yaml(), YAML).build();
    }
}
