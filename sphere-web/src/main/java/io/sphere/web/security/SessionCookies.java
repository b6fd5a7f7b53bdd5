package io.sphere.web.security;

import io.sphere.core.security.SessionConfig;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;

/** The session cookie: HttpOnly so scripts never see it, SameSite=Lax so other sites cannot ride on it. */
final class SessionCookies {

    private SessionCookies() {
    }

    static Cookie live(SessionConfig config, String token) {
        return base(config, token).setMaxAge(config.absoluteLifetime().toSeconds());
    }

    static Cookie expired(SessionConfig config) {
        return base(config, "").setMaxAge(0);
    }

    private static Cookie base(SessionConfig config, String value) {
        return Cookie.cookie(config.cookieName(), value).setPath("/").setHttpOnly(true)
                .setSecure(config.secureCookie()).setSameSite(CookieSameSite.LAX);
    }
}
