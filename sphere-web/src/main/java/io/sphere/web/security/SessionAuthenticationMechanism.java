package io.sphere.web.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.sphere.core.security.SessionConfig;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Recognises the session cookie on every request. A stale or forged cookie makes the request anonymous (and is
 * cleared), so protected pages send the person to the login page and public pages still work.
 */
@ApplicationScoped
class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {

    private final SessionConfig config;

    SessionAuthenticationMechanism(SessionConfig config) {
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviders) {
        Cookie cookie = context.request().getCookie(config.cookieName());
        if (cookie == null || cookie.getValue().isEmpty() || context.normalizedPath().startsWith("/lib/static/")) {
            return Uni.createFrom().nullItem();
        }
        return identityProviders.authenticate(new SessionTokenRequest(cookie.getValue())).onFailure()
                .recoverWithItem(() -> {
                    context.response().addCookie(SessionCookies.expired(config));
                    return null;
                });
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        String path = context.normalizedPath();
        if (path.startsWith("/api/")) {
            return Uni.createFrom().item(new ChallengeData(401, null, null));
        }
        String uri = context.request().uri();
        String location = "/login" + ("/".equals(uri) ? "" : "?next=" + URLEncoder.encode(uri, StandardCharsets.UTF_8));
        return Uni.createFrom().item(new ChallengeData(303, "Location", location));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionTokenRequest.class);
    }
}
