package io.sphere.web.requestlog;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sphere.core.requestlog.RequestLogEntry;
import io.sphere.core.requestlog.RequestLogFilter;
import io.sphere.core.requestlog.RequestLogQuery;
import io.sphere.core.section.Section;
import io.sphere.core.section.SectionService;
import io.sphere.core.security.SessionPrincipal;
import io.sphere.web.layout.Chrome;
import io.sphere.web.layout.Pages;
import io.sphere.web.security.CurrentUser;

/** The request log for the superuser: newest first, filters in the URL, keyset pages. */
@Path("/request-log")
public class RequestLogPage {

    static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    public record Row(String requestId, String time, String isoTime, String user, String method, String path,
            String query, int status, int statusClass, String durationMs, long bytes, String clientIp) {
    }

    public record View(String user, String path, Integer status, String from, String to, boolean fromError,
            boolean toError, String zone, List<Row> rows, String nextHref, String firstHref, long spooled,
            long dropped, List<Integer> statusClasses) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(Chrome chrome, View view);
    }

    private final RequestLogQuery query;
    private final SectionService sections;
    private final CurrentUser currentUser;
    private final RequestLogPublisher publisher;
    private final Pages pages;

    RequestLogPage(RequestLogQuery query, SectionService sections, CurrentUser currentUser,
            RequestLogPublisher publisher, Pages pages) {
        this.query = query;
        this.sections = sections;
        this.currentUser = currentUser;
        this.publisher = publisher;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@RestQuery String user, @RestQuery String path, @RestQuery String status,
            @RestQuery String from, @RestQuery String to, @RestQuery String after, @RestQuery String request) {
        sections.requireOpen(currentUser.actor(), Section.REQUEST_LOG);
        SessionPrincipal me = currentUser.require();
        ZoneId zone = zoneOf(me);
        Optional<Instant> fromAt = parse(from, zone);
        Optional<Instant> toAt = parse(to, zone);
        boolean fromError = present(from) && fromAt.isEmpty();
        boolean toError = present(to) && toAt.isEmpty();
        Integer statusClass = parseStatus(status);

        List<Row> rows = List.of();
        String nextHref = null;
        if (!fromError && !toError) {
            RequestLogFilter filter = new RequestLogFilter(Optional.ofNullable(user).map(String::strip),
                    Optional.ofNullable(path).map(String::strip), Optional.ofNullable(statusClass), fromAt, toAt,
                    requestId(request));
            var result = query.search(currentUser.actor(), filter, Optional.ofNullable(after), PAGE_SIZE);
            rows = result.entries().stream().map(e -> row(e, zone)).toList();
            nextHref = result.nextCursor().map(c -> href(user, path, status, from, to, c)).orElse(null);
        }
        String firstHref = present(after) ? href(user, path, status, from, to, null) : null;
        RequestLogPublisher.Status s = publisher.status();
        View view = new View(nz(user), nz(path), statusClass, nz(from), nz(to), fromError, toError, zone.getId(), rows,
                nextHref, firstHref, s.spooled(), s.dropped(), List.of(1, 2, 3, 4, 5));
        return pages.localized(Templates.page(pages.chrome(), view));
    }

    private static Row row(RequestLogEntry e, ZoneId zone) {
        var local = e.loggedAt().atZone(zone);
        return new Row(e.requestId().toString(), SHOWN.format(local),
                e.loggedAt().truncatedTo(ChronoUnit.MILLIS).toString(), e.userEmail(), e.method(), e.path(),
                e.query(), e.status(), e.status() / 100, String.format("%.1f", e.durationMicros() / 1000.0),
                e.responseBytes(), e.clientIp());
    }

    private static Optional<Instant> parse(String value, ZoneId zone) {
        if (!present(value)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(value.strip(), INPUT).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(value.strip()).atZone(zone).toInstant());
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }

    /** A link from the audit history names one request; an id that is not a UUID matches nothing. */
    private static Optional<UUID> requestId(String value) {
        if (!present(value)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.of(new UUID(0, 0));
        }
    }

    private static Integer parseStatus(String value) {
        if (!present(value)) {
            return null;
        }
        String v = value.strip();
        if (v.length() == 1 && v.charAt(0) >= '1' && v.charAt(0) <= '5') {
            return v.charAt(0) - '0';
        }
        return null;
    }

    private static String href(String user, String path, String status, String from, String to, String after) {
        StringBuilder sb = new StringBuilder("/request-log?");
        append(sb, "user", user);
        append(sb, "path", path);
        append(sb, "status", status);
        append(sb, "from", from);
        append(sb, "to", to);
        append(sb, "after", after);
        String s = sb.toString();
        return s.endsWith("&") || s.endsWith("?") ? s.substring(0, s.length() - 1) : s;
    }

    private static void append(StringBuilder sb, String name, String value) {
        if (present(value)) {
            sb.append(name).append('=').append(URLEncoder.encode(value.strip(), StandardCharsets.UTF_8)).append('&');
        }
    }

    private static ZoneId zoneOf(SessionPrincipal p) {
        try {
            return ZoneId.of(p.timeZone());
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
