package io.sphere.web.requestlog;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.sphere.core.requestlog.RequestLogEntry;
import io.sphere.core.security.SessionPrincipal;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every request an id (returned as {@code X-Request-Id}) and, when its response has ended, turns it into a
 * request-log entry for the publisher (S9). Static files and health checks are not logged.
 */
@ApplicationScoped
public class RequestRecorder {

    public static final String REQUEST_ID = "sphere.requestId";
    /** Set by the login page on success, so that the login request itself is logged under the person. */
    public static final String LOGGED_IN = "sphere.loggedIn";
    public static final String HEADER = "X-Request-Id";
    static final int MAX_PATH = 2000;
    static final int MAX_QUERY = 2000;
    static final int MAX_USER_AGENT = 500;
    private static final Pattern SECRET = Pattern
            .compile("(?i).*(pass|secret|token|key|auth|session|csrf|signature|credential|pwd).*");

    private final RequestLogPublisher publisher;
    private final RequestLogConfig config;

    RequestRecorder(RequestLogPublisher publisher, RequestLogConfig config) {
        this.publisher = publisher;
        this.config = config;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, 1_000);
    }

    private void handle(RoutingContext rc) {
        UUID requestId = RequestIds.next();
        rc.put(REQUEST_ID, requestId.toString());
        rc.response().putHeader(HEADER, requestId.toString());
        String path = rc.request().path();
        if (config.enabled() && path != null && !isExcluded(path)) {
            long startNanos = System.nanoTime();
            Instant start = Instant.now();
            rc.addEndHandler(done -> publisher.submit(entry(rc, requestId, start, startNanos)));
        }
        rc.next();
    }

    static boolean isExcluded(String path) {
        return path.startsWith("/lib/static/") || path.startsWith("/q/") || path.equals("/q")
                || path.equals("/favicon.ico");
    }

    private static RequestLogEntry entry(RoutingContext rc, UUID requestId, Instant start, long startNanos) {
        long micros = (System.nanoTime() - startNanos) / 1_000;
        Long userId = null;
        String email = null;
        if (rc.user() instanceof QuarkusHttpUser user) {
            SecurityIdentity identity = user.getSecurityIdentity();
            if (identity != null && !identity.isAnonymous()
                    && identity.getAttribute("sphere.principal") instanceof SessionPrincipal p) {
                userId = p.userId();
                email = p.email();
            }
        }
        if (userId == null && rc.get(LOGGED_IN) instanceof SessionPrincipal p) {
            userId = p.userId();
            email = p.email();
        }
        var request = rc.request();
        String clientIp = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return new RequestLogEntry(RequestLogEntry.SCHEMA, requestId, start, userId, email, clientIp,
                request.method().name(), cut(request.path(), MAX_PATH), cut(maskQuery(request.query()), MAX_QUERY),
                rc.response().getStatusCode(), micros, rc.response().bytesWritten(),
                cut(request.getHeader("User-Agent"), MAX_USER_AGENT));
    }

    /** Values of parameters whose names look secret are replaced by {@code ***}; names and order are kept. */
    static String maskQuery(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder(query.length());
        for (String pair : query.split("&", -1)) {
            if (out.length() > 0) {
                out.append('&');
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String decoded;
            try {
                decoded = URLDecoder.decode(name, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                decoded = name;
            }
            if (eq >= 0 && SECRET.matcher(decoded.toLowerCase(Locale.ROOT)).matches()) {
                out.append(name).append("=***");
            } else {
                out.append(pair);
            }
        }
        return out.toString();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
