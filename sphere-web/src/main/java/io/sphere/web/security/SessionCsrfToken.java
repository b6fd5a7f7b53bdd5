package io.sphere.web.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;

import io.sphere.core.security.SessionConfig;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * One CSRF token per session, valid in every tab. With a signing key quarkus-rest-csrf makes a new random token on
 * every page (it cannot read the token back out of the signed cookie) and replaces the cookie, so a form opened
 * earlier in another tab was refused with 400. For a signed-in session the token is instead derived from the session
 * (an HMAC of the session cookie under the CSRF key): every page of the session renders the same token and sets the
 * same cookie. A foreign site can read neither the session cookie nor the key, so it still cannot know the token.
 * Pages without a session (the login form) keep the extension's random token.
 */
public class SessionCsrfToken {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    /** The keys quarkus-rest-csrf reads the token from, for the form field and for the cookie it signs. */
    private static final String TOKEN = "csrf_token";
    private static final String TOKEN_BYTES = "csrf_token_bytes";

    private final CurrentUser currentUser;
    private final SessionConfig sessions;
    private final Optional<String> key;
    private final int tokenSize;

    SessionCsrfToken(CurrentUser currentUser, SessionConfig sessions,
            @ConfigProperty(name = "quarkus.rest-csrf.token-signature-key") Optional<String> key,
            @ConfigProperty(name = "quarkus.rest-csrf.token-size", defaultValue = "16") int tokenSize) {
        this.currentUser = currentUser;
        this.sessions = sessions;
        this.key = key.filter(k -> !k.isBlank());
        this.tokenSize = tokenSize;
    }

    /*
     * The extension's filter reads the form (@WithFormRead); RESTEasy runs such filters after all others, and among
     * themselves not in the order of their priorities. This one must act after it, so it is registered on both sides
     * of the extension's priority (USER): the one that runs before finds no token chosen yet and does nothing.
     */

    @ServerRequestFilter(priority = Priorities.USER - 1)
    @WithFormRead
    public void sameTokenForTheSession(ContainerRequestContext request, RoutingContext routing) {
        useSessionToken(request, routing);
    }

    @ServerRequestFilter(priority = Priorities.USER + 1)
    @WithFormRead
    public void sameTokenForTheSessionAgain(ContainerRequestContext request, RoutingContext routing) {
        useSessionToken(request, routing);
    }

    private void useSessionToken(ContainerRequestContext request, RoutingContext routing) {
        if (key.isEmpty() || !SAFE.contains(request.getMethod()) || routing.get(TOKEN) == null
                || currentUser.principal().isEmpty() || currentUser.viaApiToken()) {
            return;
        }
        Cookie session = routing.request().getCookie(sessions.cookieName());
        if (session == null || session.getValue().isEmpty()) {
            return;
        }
        byte[] token = derive(session.getValue());
        routing.put(TOKEN_BYTES, token);
        routing.put(TOKEN, Base64.getUrlEncoder().withoutPadding().encodeToString(token));
    }

    private byte[] derive(String sessionToken) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.get().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] full = mac.doFinal(("sphere-csrf-session:" + sessionToken).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(full, Math.min(tokenSize, full.length));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
