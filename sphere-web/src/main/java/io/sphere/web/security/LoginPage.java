package io.sphere.web.security;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sphere.core.security.LoginResult;
import io.sphere.core.security.SessionConfig;
import io.sphere.core.security.SessionService;
import io.sphere.web.layout.Chrome;
import io.sphere.web.layout.Pages;
import io.sphere.web.requestlog.RequestRecorder;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

@Path("/login")
public class LoginPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(Chrome chrome, String email, String next, String error,
                Boolean loggedOut);
    }

    private final SessionService sessions;
    private final SessionConfig config;
    private final CurrentUser currentUser;
    private final Pages pages;
    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private final RoutingContext routing;

    LoginPage(SessionService sessions, SessionConfig config, CurrentUser currentUser, Pages pages,
            HttpServerRequest request, HttpServerResponse response, RoutingContext routing) {
        this.sessions = sessions;
        this.config = config;
        this.currentUser = currentUser;
        this.pages = pages;
        this.request = request;
        this.response = response;
        this.routing = routing;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@RestQuery String next, @RestQuery("out") boolean loggedOut) {
        if (currentUser.principal().isPresent()) {
            return Response.seeOther(URI.create(SafeRedirect.target(next))).build();
        }
        return Response.ok(page(null, next, null, loggedOut)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response login(@RestForm String email, @RestForm String password, @RestForm String next) {
        if (email == null || email.isBlank() || password == null || password.isEmpty()) {
            return Response.ok(page(email, next, pages.msg().login_missing(), false)).build();
        }
        LoginResult result = sessions.login(email, password, request.remoteAddress().hostAddress(),
                request.getHeader("User-Agent"));
        if (result instanceof LoginResult.Success success) {
            response.addCookie(SessionCookies.live(config, success.token()));
            routing.put(RequestRecorder.LOGGED_IN, success.principal());
            return Response.seeOther(URI.create(SafeRedirect.target(next))).build();
        }
        return Response.ok(page(email, next, pages.msg().login_failed(), false)).build();
    }

    private TemplateInstance page(String email, String next, String error, boolean loggedOut) {
        String safeEmail = email == null ? null : email.strip().substring(0, Math.min(email.strip().length(), 254));
        return pages.localized(Templates.login(pages.chrome(), safeEmail, SafeRedirect.keep(next), error, loggedOut));
    }
}
