package io.sphere.web.error;

import java.util.Map;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.web.i18n.Msg;
import io.sphere.web.layout.Chrome;
import io.sphere.web.layout.Pages;
import io.sphere.web.requestlog.RequestRecorder;
import io.vertx.ext.web.RoutingContext;

/**
 * The one place that turns exceptions into answers: a page in the person's language, or problem+json under
 * {@code /api}. Never a stack trace; unexpected failures are logged with the request id the person is shown.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);
    static final String PROBLEM_JSON = "application/problem+json";

    @CheckedTemplate(basePath = "ErrorPages")
    static class Templates {
        static native TemplateInstance error(Chrome chrome, String title, String message);
    }

    private final Pages pages;
    private final RoutingContext routing;

    ErrorPages(Pages pages, RoutingContext routing) {
        this.pages = pages;
        this.routing = routing;
    }

    @ServerExceptionMapper
    public Response refused(SphereException e) {
        Msg msg = pages.msg();
        if (e.code() == ErrorCode.ACCESS_DENIED) {
            return answer(403, msg.error_forbidden_title(), msg.error_forbidden());
        }
        return answer(e.code().httpStatus(), msg.error_title(), Messages.of(pages.locale(), e));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        Msg msg = pages.msg();
        return answer(404, msg.error_not_found_title(), msg.error_not_found());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        Msg msg = pages.msg();
        return answer(403, msg.error_forbidden_title(), msg.error_forbidden());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return Response.seeOther(java.net.URI.create("/login")).build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 404) {
            return notFound(new NotFoundException());
        }
        if (e instanceof NotAllowedException || status < 500) {
            Msg msg = pages.msg();
            return answer(status, msg.error_title(), status == 400 ? msg.error_csrf() : msg.error_not_found());
        }
        return unexpected(e);
    }

    /** A forged or mangled CSRF token makes the CSRF filter throw; for the person it is an expired form. */
    @ServerExceptionMapper
    public Response malformed(IllegalArgumentException e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith("io.quarkus.csrf.")) {
                Msg msg = pages.msg();
                return answer(400, msg.error_title(), msg.error_csrf());
            }
        }
        return unexpected(e);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String requestId = String.valueOf(routing.<String>get(RequestRecorder.REQUEST_ID));
        LOG.errorf(e, "Request %s %s failed (request id %s)", routing.request().method(), routing.request().path(),
                requestId);
        Msg msg = pages.msg();
        return answer(500, msg.error_title(), msg.error_generic(requestId));
    }

    private Response answer(int status, String title, String message) {
        if (routing.request().path().startsWith("/api/")) {
            return Response.status(status).type(PROBLEM_JSON).entity(Map.of("type", "about:blank", "title", title,
                    "status", status, "detail", message)).build();
        }
        String html = pages.localized(Templates.error(pages.chrome(), title, message)).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }
}
