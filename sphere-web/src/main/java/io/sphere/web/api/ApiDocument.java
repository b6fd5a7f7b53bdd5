package io.sphere.web.api;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Completes the OpenAPI document with what annotations on each method would only repeat: its title, how to
 * authenticate (a personal API token as a bearer token, or the browser's session cookie with the X-CSRF-TOKEN
 * header) and the problem+json answers every operation can give. {@link ApiDocuments} runs it.
 */
public class ApiDocument implements OASFilter {

    static final String PROBLEM_JSON = "application/problem+json";
    static final Map<String, String> PROBLEMS = Map.of(
            "400", "Malformed JSON, an unknown property or a wrong JSON type; a wrong X-CSRF-TOKEN",
            "401", "No or a bad API token, and no session",
            "403", "The caller may not do this; a cookie call without X-CSRF-TOKEN",
            "404", "Not found, or not visible to the caller",
            "409", "A stale version, or a transition from the wrong stage",
            "422", "Invalid input; errors[] names every field at fault");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.setInfo(OASFactory.createInfo().title("Sphere API").version("1")
                .description(
                        "The JSON API of Sphere. Problem details come in the caller's language (English or Russian: "
                                + "the profile's setting, else Accept-Language)."));
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSecurityScheme("bearer", OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("sph_…")
                .description("A personal API token, made on the page \"API tokens\" (/profile/tokens)."));
        components.addSecurityScheme("session", OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.COOKIE).name("sphere_session")
                .description("The browser's session (cookie name: sphere.session.cookie-name); calls that change "
                        + "something also send X-CSRF-TOKEN."));
        openAPI.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme("bearer"),
                OASFactory.createSecurityRequirement().addScheme("session")));
        components.addSchema("FieldError", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", string()).addProperty("code", string()).addProperty("message", string()));
        components.addSchema("Problem", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details; detail is in the caller's language")
                .addProperty("type", string().description("urn:sphere:problem:<code>, e.g. card.not-found"))
                .addProperty("title", string())
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", string())
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError"))));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        // The document describes the JSON API; the pages (forms and HTML for people) are not part of it.
        for (String path : List.copyOf(openAPI.getPaths().getPathItems().keySet())) {
            if (!path.startsWith("/api/")) {
                openAPI.getPaths().removePathItem(path);
            }
        }
        for (var path : openAPI.getPaths().getPathItems().entrySet()) {
            PathItem item = path.getValue();
            for (Operation op : item.getOperations().values()) {
                APIResponses responses = op.getResponses();
                if (responses == null) {
                    responses = OASFactory.createAPIResponses();
                    op.setResponses(responses);
                }
                for (var problem : PROBLEMS.entrySet()) {
                    if (responses.getAPIResponse(problem.getKey()) == null) {
                        responses.addAPIResponse(problem.getKey(), OASFactory.createAPIResponse()
                                .description(problem.getValue())
                                .content(OASFactory.createContent().addMediaType(PROBLEM_JSON,
                                        OASFactory.createMediaType().schema(
                                                OASFactory.createSchema().ref("#/components/schemas/Problem")))));
                    }
                }
            }
        }
    }

    private static Schema string() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING));
    }
}
