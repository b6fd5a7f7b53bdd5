package io.sphere.web.security;

import java.net.URI;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import io.sphere.core.security.SessionConfig;
import io.sphere.core.security.SessionService;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/** Ends the session in the database, so the cookie is worthless even if someone kept a copy. */
@Path("/logout")
public class LogoutResource {

    private final SessionService sessions;
    private final SessionConfig config;
    private final HttpServerRequest request;
    private final HttpServerResponse response;

    LogoutResource(SessionService sessions, SessionConfig config, HttpServerRequest request,
            HttpServerResponse response) {
        this.sessions = sessions;
        this.config = config;
        this.request = request;
        this.response = response;
    }

    @POST
    public Response logout() {
        Cookie cookie = request.getCookie(config.cookieName());
        if (cookie != null) {
            sessions.logout(cookie.getValue());
        }
        response.addCookie(SessionCookies.expired(config));
        return Response.seeOther(URI.create("/login?out=true")).build();
    }
}
