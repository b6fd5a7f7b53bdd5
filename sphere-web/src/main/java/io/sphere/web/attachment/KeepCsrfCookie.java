package io.sphere.web.attachment;

import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.ext.web.RoutingContext;

/**
 * With a signing key, quarkus-rest-csrf makes a new token on every GET and sends it as a new cookie. A page with
 * thumbnails (images fetched from {@code /attachments/…}) or with the script that polls {@code /api/v1/…} would so
 * replace the cookie right after it loaded, and its own forms (upload, remove) would then be refused with 400. These
 * answers are files and JSON, never forms: they keep the cookie the page was rendered with.
 */
public class KeepCsrfCookie {

    private static final Set<String> SAFE = Set.of("GET", "HEAD");

    private final String cookieName;

    KeepCsrfCookie(@ConfigProperty(name = "quarkus.rest-csrf.cookie-name", defaultValue = "csrf-token") String name) {
        this.cookieName = name;
    }

    @ServerRequestFilter(preMatching = true)
    public void keep(ContainerRequestContext request, RoutingContext routing) {
        String path = routing.request().path();
        if (SAFE.contains(request.getMethod()) && (path.startsWith("/attachments/") || path.startsWith("/api/"))) {
            routing.addHeadersEndHandler(v -> routing.response().removeCookie(cookieName, false));
        }
    }
}
