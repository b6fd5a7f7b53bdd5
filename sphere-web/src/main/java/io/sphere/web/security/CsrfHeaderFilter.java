package io.sphere.web.security;

import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * CSRF for everything that is not a form. quarkus-rest-csrf checks the token of forms, and the token of the
 * {@code X-CSRF-TOKEN} header whenever one is sent; this filter makes the header mandatory for every other
 * state-changing request (JSON, or no body at all) that a browser could make with its cookies. A request carrying a
 * personal API token needs none: a foreign site cannot make a browser send an {@code Authorization} header.
 */
public class CsrfHeaderFilter {

    public static final String HEADER = "X-CSRF-TOKEN";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final CurrentUser currentUser;

    CsrfHeaderFilter(CurrentUser currentUser) {
        this.currentUser = currentUser;
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
