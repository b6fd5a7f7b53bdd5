package io.sphere.web.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.csrf.reactive.runtime.CsrfTokenUtils;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * CSRF does not apply to a request that a personal API token authenticated: a foreign site cannot make a browser send
 * an {@code Authorization} header, and such a caller has no CSRF cookie at all. quarkus-rest-csrf has no switch per
 * request (quarkusio/quarkus#53715): it checks every form and multipart body against its cookie (a bare 400 without
 * one, also for a POST that declares a form and sends nothing, as many HTTP clients do) and skips other content types.
 * <p>
 * So for such a request this filter vouches for it the way the extension understands: a fresh one-off token in the
 * request's {@code X-CSRF-TOKEN} header and its signed value as the request's CSRF cookie, seen only inside this
 * request (the cookie is taken out again before the answer's headers go out, also the one the extension sets after
 * checking). The body and its content type stay as they came, so multipart uploads work. It runs before the
 * extension's filter: that one reads the form ({@code @WithFormRead}), and RESTEasy runs such filters after all
 * others. Requests of a browser session are never touched.
 */
public class ApiTokenSkipsCsrf {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final SecureRandom random = new SecureRandom();
    private final CurrentUser currentUser;
    private final String cookieName;
    private final String headerName;
    private final int tokenSize;
    private final Optional<String> key;

    ApiTokenSkipsCsrf(CurrentUser currentUser,
            @ConfigProperty(name = "quarkus.rest-csrf.cookie-name", defaultValue = "csrf-token") String cookieName,
            @ConfigProperty(name = "quarkus.rest-csrf.token-header-name", defaultValue = "X-CSRF-TOKEN") String header,
            @ConfigProperty(name = "quarkus.rest-csrf.token-size", defaultValue = "16") int tokenSize,
            @ConfigProperty(name = "quarkus.rest-csrf.token-signature-key") Optional<String> key) {
        this.currentUser = currentUser;
        this.cookieName = cookieName;
        this.headerName = header;
        this.tokenSize = tokenSize;
        this.key = key.filter(k -> !k.isBlank());
    }

    @ServerRequestFilter
    public void vouchForApiToken(ContainerRequestContext request, RoutingContext routing) {
        if (SAFE.contains(request.getMethod()) || !isForm(request.getMediaType()) || !currentUser.viaApiToken()) {
            return;
        }
        byte[] bytes = new byte[tokenSize];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String cookie = key.map(k -> CsrfTokenUtils.signCsrfToken(bytes, k)).orElse(token);
        // a cookie added to the answer is what the request's getCookie sees in Vert.x; it never leaves the server
        routing.response().addCookie(Cookie.cookie(cookieName, cookie).setPath("/"));
        routing.addHeadersEndHandler(v -> dropCsrfCookies(routing));
        request.getHeaders().putSingle(headerName, token);
    }

    /** Ours, and the one the extension sets after checking: neither may reach the caller. */
    private void dropCsrfCookies(RoutingContext routing) {
        int dropped = 0;
        while (dropped < 4 && routing.response().removeCookie(cookieName, false) != null) {
            dropped++;
        }
    }

    private static boolean isForm(MediaType type) {
        return type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
    }
}
