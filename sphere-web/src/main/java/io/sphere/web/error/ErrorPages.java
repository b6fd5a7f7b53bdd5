package io.sphere.web.error;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.sphere.core.card.CardConflictException;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.ErrorMessages;
import io.sphere.core.error.SphereException;
import io.sphere.core.error.ValidationException;
import io.sphere.web.api.CardJson;
import io.sphere.web.i18n.Msg;
import io.sphere.web.layout.Chrome;
import io.sphere.web.layout.Pages;
import io.sphere.web.requestlog.RequestRecorder;
import io.sphere.web.security.CsrfHeaderFilter;
import io.vertx.ext.web.RoutingContext;

/**
 * The one place that turns exceptions into answers: a page in the person's language, or problem+json under
 * {@code /api}. Never a stack trace; unexpected failures are logged with the request id the person is shown.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);
    static final String PROBLEM_JSON = "application/problem+json";
    static final String TYPE_PREFIX = "urn:sphere:problem:";

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
        if (isApi()) {
            return apiRefusal(e, msg);
        }
        if (e.code() == ErrorCode.ACCESS_DENIED) {
            return answer(403, msg.error_forbidden_title(), msg.error_forbidden());
        }
        return answer(e.code().httpStatus(), msg.error_title(), Messages.of(pages.locale(), e));
    }

    /**
     * On the API a refusal names its stable code in {@code type}, every field at fault in {@code errors}, and a
     * version conflict carries the card as it is now in {@code current}.
     */
    private Response apiRefusal(SphereException e, Msg msg) {
        Locale locale = pages.locale();
        Map<String, Object> body = problem(TYPE_PREFIX + e.code().key(),
                e.code() == ErrorCode.ACCESS_DENIED ? msg.error_forbidden_title() : msg.error_title(),
                e.code().httpStatus(), Messages.of(locale, e));
        List<Map<String, Object>> errors = new ArrayList<>();
        if (e instanceof ValidationException v) {
            for (ValidationException.FieldError f : v.errors()) {
                errors.add(fieldError(f.field(), f.code().key(), ErrorMessages.format(f.code(), f.args(), locale)));
            }
        } else if (e.field() != null) {
            errors.add(fieldError(e.field(), e.code().key(), Messages.of(locale, e)));
        }
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        if (e instanceof CardConflictException c) {
            body.put("current", CardJson.of(c.current(), List.of()));
        }
        return Response.status(e.code().httpStatus()).type(PROBLEM_JSON).entity(body).build();
    }

    /** Wrong JSON types and unknown properties: 400, naming the property by its path ({@code values.count}). */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        Msg msg = pages.msg();
        String property = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
                .collect(Collectors.joining("."));
        if (e instanceof UnrecognizedPropertyException u) {
            String name = property.isEmpty() ? u.getPropertyName() : property;
            return badJson(msg.error_api_property_unknown(name), fieldError(name, "property.unknown",
                    msg.error_api_property_unknown(name)));
        }
        if (property.isEmpty()) {
            return badJson(msg.error_api_bad_request(), null);
        }
        return badJson(msg.error_api_property_type(property), fieldError(property, "property.type",
                msg.error_api_property_type(property)));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        if (e instanceof MismatchedInputException m) {
            return mismatched(m);
        }
        return badJson(pages.msg().error_api_malformed(), null);
    }

    @ServerExceptionMapper
    public Response csrfHeaderMissing(CsrfHeaderFilter.CsrfTokenMissingException e) {
        Msg msg = pages.msg();
        return isApi()
                ? answer(403, msg.error_forbidden_title(), msg.error_api_csrf())
                : answer(400, msg.error_title(), msg.error_csrf());
    }

    private Response badJson(String detail, Map<String, Object> error) {
        Map<String, Object> body = problem(TYPE_PREFIX + "request.invalid", pages.msg().error_api_bad_request_title(),
                400, detail);
        if (error != null) {
            body.put("errors", List.of(error));
        }
        return Response.status(400).type(PROBLEM_JSON).entity(body).build();
    }

    private static Map<String, Object> problem(String type, String title, int status, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        return body;
    }

    private static Map<String, Object> fieldError(String field, String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("code", code);
        error.put("message", message);
        return error;
    }

    private boolean isApi() {
        return routing.request().path().startsWith("/api/");
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
        if (isApi()) {
            Msg msg = pages.msg();
            return Response.status(401).type(PROBLEM_JSON).header("WWW-Authenticate", "Bearer").entity(problem(
                    "about:blank", msg.error_api_unauthorized_title(), 401, msg.error_api_unauthorized())).build();
        }
        return Response.seeOther(java.net.URI.create("/login")).build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 404) {
            return notFound(new NotFoundException());
        }
        if (isApi() && e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json);
        }
        if (isApi() && status < 500) {
            Msg msg = pages.msg();
            return answer(status, msg.error_api_bad_request_title(), msg.error_api_bad_request());
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
            return Response.status(status).type(PROBLEM_JSON).entity(problem("about:blank", title, status, message))
                    .build();
        }
        String html = pages.localized(Templates.error(pages.chrome(), title, message)).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }
}
