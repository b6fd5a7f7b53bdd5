package io.sphere.web.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.sphere.web.i18n.AdminMsg;
import io.sphere.web.i18n.AdminTexts;
import io.sphere.web.layout.Pages;
import io.vertx.ext.web.RoutingContext;

/**
 * CSRF for everything that is not a form. quarkus-rest-csrf checks the token of forms, and the token of the
 * {@code X-CSRF-TOKEN} header whenever one is sent; this filter makes the header mandatory for every other
 * state-changing request (JSON, or no body at all) that a browser could make with its cookies. A request carrying a
 * personal API token needs none: a foreign site cannot make a browser send an {@code Authorization} header.
 */
public class CsrfHeaderFilter {

    public static final String HEADER = "X-CSRF-TOKEN";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    /** Set by quarkus-rest-csrf once a token matched. */
    private static final String VERIFIED = "csrf_token_verified";

    private final CurrentUser currentUser;
    private final RoutingContext routing;
    private final Pages pages;

    CsrfHeaderFilter(CurrentUser currentUser, RoutingContext routing, Pages pages) {
        this.currentUser = currentUser;
        this.routing = routing;
        this.pages = pages;
    }

    @ServerRequestFilter
    public void requireHeader(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod()) || isForm(request.getMediaType()) || currentUser.viaApiToken()) {
            return;
        }
        String token = request.getHeaderString(HEADER);
        if (token == null || token.isBlank()) {
            throw new CsrfTokenMissingException();
        }
    }

    /**
     * quarkus-rest-csrf refuses a wrong token with a bare 400 (it aborts the request, no exception to map). On the
     * API that answer becomes problem+json like every other refusal there.
     */
    @ServerResponseFilter
    public void explainWrongToken(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 400 || response.hasEntity() || SAFE.contains(request.getMethod())
                || !routing.request().path().startsWith("/api/") || currentUser.viaApiToken()
                || routing.get(VERIFIED) != null) {
            return;
        }
        AdminMsg adm = AdminTexts.of(pages.locale());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:sphere:problem:csrf.invalid");
        body.put("title", adm.api_csrf_wrong_title());
        body.put("status", 400);
        body.put("detail", adm.api_csrf_wrong());
        response.setEntity(body, null, MediaType.valueOf("application/problem+json"));
    }

    private static boolean isForm(MediaType type) {
        return type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
    }

    /** A state-changing request without a CSRF token: answered 403 by the error mapper. */
    public static class CsrfTokenMissingException extends RuntimeException {

        CsrfTokenMissingException() {
            super("X-CSRF-TOKEN header missing", null, false, false);
        }
    }
}
