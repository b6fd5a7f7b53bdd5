package io.sphere.web.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.sphere.core.security.SessionConfig;
import io.sphere.web.i18n.Locales;
import io.sphere.web.i18n.Msg;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Recognises the session cookie on every request. A stale or forged cookie makes the request anonymous (and is
 * cleared), so protected pages send the person to the login page and public pages still work.
 * <p>
 * An API request with {@code Authorization: Bearer} is authenticated by that personal API token alone, never by a
 * cookie sent along with it: a wrong or revoked token is a 401, not a silent fallback to the browser's session.
 */
@ApplicationScoped
class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    private final SessionConfig config;

    SessionAuthenticationMechanism(SessionConfig config) {
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviders) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && acceptsTokens(context.normalizedPath())) {
            return identityProviders.authenticate(new ApiTokenRequest(authorization.substring(BEARER.length())
                    .strip()));
        }
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

    /** Tokens open the API and its documentation only; pages stay a matter of the browser's session. */
    private static boolean acceptsTokens(String path) {
        return path.startsWith("/api/") || path.startsWith("/q/openapi") || path.startsWith("/q/swagger-ui");
    }

    /** Under {@code /api} the 401 carries a problem+json body, like every other refusal there. */
    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        if (!context.normalizedPath().startsWith("/api/")) {
            return HttpAuthenticationMechanism.super.sendChallenge(context);
        }
        Locale locale = Locales.resolve(Optional.empty(), null, context.request().getHeader("Accept-Language"));
        Msg msg = Locales.messages(locale);
        String body = new JsonObject().put("type", "about:blank").put("title", msg.error_api_unauthorized_title())
                .put("status", 401).put("detail", msg.error_api_unauthorized()).encode();
        context.response().setStatusCode(401).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader("WWW-Authenticate", "Bearer").end(body);
        return Uni.createFrom().item(true);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        String path = context.normalizedPath();
        if (path.startsWith("/api/")) {
            return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
        }
        String uri = context.request().uri();
        String location = "/login" + ("/".equals(uri) ? "" : "?next=" + URLEncoder.encode(uri, StandardCharsets.UTF_8));
        return Uni.createFrom().item(new ChallengeData(303, "Location", location));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionTokenRequest.class, ApiTokenRequest.class);
    }
}
