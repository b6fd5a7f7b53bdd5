package io.sphere.web.security;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.sphere.core.user.UserService;
import io.sphere.web.i18n.Locales;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerResponse;

/** The language switch in the top bar: remembered on the account when signed in, in a cookie otherwise. */
@Path("/language")
public class LanguageResource {

    private final UserService users;
    private final CurrentUser currentUser;
    private final HttpServerResponse response;

    LanguageResource(UserService users, CurrentUser currentUser, HttpServerResponse response) {
        this.users = users;
        this.currentUser = currentUser;
        this.response = response;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response choose(@RestForm String lang, @RestForm String next) {
        String target = SafeRedirect.keep(next) == null ? "/" : next;
        if (lang == null || !Locales.SUPPORTED.contains(lang)) {
            return Response.seeOther(URI.create(target)).build();
        }
        currentUser.principal().ifPresent(p -> users.chooseLocale(p.userId(), lang));
        response.addCookie(Cookie.cookie(Locales.COOKIE, lang).setPath("/").setMaxAge(365L * 24 * 3600)
                .setHttpOnly(true).setSameSite(CookieSameSite.LAX));
        if ("/login".equals(next)) {
            target = "/login";
        }
        return Response.seeOther(URI.create(target)).build();
    }
}
