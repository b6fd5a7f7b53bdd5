package io.sphere.web.audit;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.jboss.resteasy.reactive.RestQuery;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sphere.core.audit.AuditAction;
import io.sphere.core.audit.AuditOutbox;
import io.sphere.core.audit.AuditQuery;
import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.messaging.Broker;
import io.sphere.core.permission.PermissionService;
import io.sphere.core.security.Actor;
import io.sphere.core.security.SessionPrincipal;
import io.sphere.web.i18n.AuditMsg;
import io.sphere.web.i18n.AuditTexts;
import io.sphere.web.layout.Chrome;
import io.sphere.web.layout.Pages;
import io.sphere.web.security.CurrentUser;

/**
 * The administrators' audit search (filters in the URL, keyset pages, CSV export of the same filters) and the
 * superuser's status of the pipeline. Who sees which events is core's decision ({@link AuditQuery#search}).
 */
@Path("/admin/audit")
public class AuditSearchPage {

    static final int PAGE_SIZE = 50;
    /** Bound of one export, so that a careless click cannot hold a connection for hours. */
    static final int MAX_EXPORT = 100_000;

    public record Option(String value, String label) {
    }

    public record View(String actor, String type, String card, String action, String field, String from, String to,
            boolean fromError, boolean toError, String zone, List<Option> actions, List<AuditRows.Row> rows,
            String nextHref, String firstHref, String exportHref, boolean superuser) {
    }

    public record Status(long backlog, String oldest, Long dead, String deadError, String deadQueue,
            boolean relayEnabled, boolean relayConnected, String relayError, long published) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(Chrome chrome, View view);

        static native TemplateInstance status(Chrome chrome, Status status);
    }

    private final AuditQuery query;
    private final AuditOutbox outbox;
    private final AuditRelay relay;
    private final Broker broker;
    private final PermissionService permissions;
    private final CurrentUser currentUser;
    private final Pages pages;

    AuditSearchPage(AuditQuery query, AuditOutbox outbox, AuditRelay relay, Broker broker,
            PermissionService permissions, CurrentUser currentUser, Pages pages) {
        this.query = query;
        this.outbox = outbox;
        this.relay = relay;
        this.broker = broker;
        this.permissions = permissions;
        this.currentUser = currentUser;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance search(@RestQuery String actor, @RestQuery String type, @RestQuery String card,
            @RestQuery String action, @RestQuery String field, @RestQuery String from, @RestQuery String to,
            @RestQuery String cursor) {
        SessionPrincipal me = currentUser.require();
        Actor who = requireAdministrator(me);
        ZoneId zone = AuditRows.zoneOf(me);
        AuditMsg aud = AuditTexts.of(pages.locale());
        Optional<Instant> fromAt = AuditRows.parse(from, zone);
        Optional<Instant> toAt = AuditRows.parse(to, zone);
        boolean fromError = present(from) && fromAt.isEmpty();
        boolean toError = present(to) && toAt.isEmpty();
        List<AuditRows.Row> rows = List.of();
        String nextHref = null;
        if (!fromError && !toError) {
            AuditQuery.Page page = query.search(who, filter(actor, type, card, action, field, fromAt, toAt),
                    Optional.ofNullable(cursor), PAGE_SIZE);
            rows = page.entries().stream().map(e -> AuditRows.row(e, zone, aud)).toList();
            nextHref = page.nextCursor().map(c -> href("/admin/audit", actor, type, card, action, field, from, to, c))
                    .orElse(null);
        }
        List<Option> actions = Arrays.stream(AuditAction.values())
                .map(a -> new Option(a.name(), AuditRows.action(a.name(), aud))).toList();
        View view = new View(nz(actor), nz(type), nz(card), nz(action), nz(field), nz(from), nz(to), fromError,
                toError, zone.getId(), actions, rows, nextHref,
                present(cursor) ? href("/admin/audit", actor, type, card, action, field, from, to, null) : null,
                href("/admin/audit/export.csv", actor, type, card, action, field, from, to, null), who.superuser());
        return pages.localized(Templates.search(pages.chrome(), view));
    }

    /** The same search as CSV, one line per changed field (or per event without changes), times in UTC. */
    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    public Response export(@RestQuery String actor, @RestQuery String type, @RestQuery String card,
            @RestQuery String action, @RestQuery String field, @RestQuery String from, @RestQuery String to) {
        SessionPrincipal me = currentUser.require();
        Actor who = requireAdministrator(me);
        ZoneId zone = AuditRows.zoneOf(me);
        Optional<Instant> fromAt = AuditRows.parse(from, zone);
        Optional<Instant> toAt = AuditRows.parse(to, zone);
        if ((present(from) && fromAt.isEmpty()) || (present(to) && toAt.isEmpty())) {
            throw new SphereException(ErrorCode.FILTER_INVALID, present(from) && fromAt.isEmpty() ? "from" : "to",
                    Map.of("value", present(from) && fromAt.isEmpty() ? from : to));
        }
        AuditQuery.Filter filter = filter(actor, type, card, action, field, fromAt, toAt);
        StreamingOutput body = out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write("occurred_at,event_id,action,actor_email,card,card_type,card_version,field,from,to,request_id,"
                    + "detail\r\n");
            Optional<String> cursor = Optional.empty();
            int written = 0;
            do {
                AuditQuery.Page page = query.search(who, filter, cursor, AuditQuery.MAX_PAGE);
                for (AuditQuery.Entry e : page.entries()) {
                    writeEntry(w, e);
                }
                written += page.entries().size();
                cursor = page.nextCursor();
                w.flush();
            } while (cursor.isPresent() && written < MAX_EXPORT);
            w.flush();
        };
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"sphere-audit.csv\"")
                .type("text/csv; charset=UTF-8").build();
    }

    /** Outbox backlog, relay state and dead-lettered messages: where an operator looks when history lags. */
    @GET
    @Path("/status")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance status() {
        SessionPrincipal me = currentUser.require();
        if (!me.superuser()) {
            throw new SphereException(ErrorCode.ACCESS_DENIED);
        }
        ZoneId zone = AuditRows.zoneOf(me);
        AuditOutbox.Backlog backlog = outbox.backlog();
        Long dead = null;
        String deadError = null;
        try (Connection c = broker.connect("web-audit-status"); Channel ch = c.createChannel()) {
            broker.topology().declareAudit(ch);
            dead = (long) ch.queueDeclarePassive(broker.topology().auditDeadQueue()).getMessageCount();
        } catch (IOException | TimeoutException | RuntimeException e) {
            deadError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        OutboxRelay.Status r = relay.status();
        Status status = new Status(backlog.rows(), backlog.oldest().map(t -> AuditRows.SHOWN.format(t.atZone(zone)))
                .orElse(null), dead, deadError, broker.topology().auditDeadQueue(), r.running(), r.connected(),
                r.lastError() == null ? "" : r.lastError(), r.published());
        return pages.localized(Templates.status(pages.chrome(), status));
    }

    private Actor requireAdministrator(SessionPrincipal me) {
        Actor who = Actor.of(me);
        if (!who.superuser() && !permissions.administersAny(who)) {
            throw new SphereException(ErrorCode.ACCESS_DENIED);
        }
        return who;
    }

    private static AuditQuery.Filter filter(String actor, String type, String card, String action, String field,
            Optional<Instant> from, Optional<Instant> to) {
        return new AuditQuery.Filter(opt(actor), opt(type), opt(card), opt(action), opt(field), from, to);
    }

    private static void writeEntry(Writer w, AuditQuery.Entry e) throws IOException {
        String detail = new TreeMap<>(e.detail()).toString();
        if (e.changes().isEmpty()) {
            line(w, e, "", "", "", detail);
        }
        for (AuditQuery.Change c : e.changes()) {
            line(w, e, c.field(), c.fromText(), c.toText(), detail);
        }
    }

    private static void line(Writer w, AuditQuery.Entry e, String field, String from, String to, String detail)
            throws IOException {
        String[] cells = {e.occurredAt().toString(), e.eventId().toString(), e.action(), e.actorEmail(),
                e.cardKey(), e.cardTypeKey(), e.cardVersion() == null ? "" : e.cardVersion().toString(), field, from,
                to, e.requestId() == null ? "" : e.requestId().toString(), detail};
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(csv(cells[i]));
        }
        w.write("\r\n");
    }

    /** Quotes every cell; a cell that a spreadsheet would run as a formula is defused with a leading quote. */
    static String csv(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    private static String href(String path, String actor, String type, String card, String action, String field,
            String from, String to, String cursor) {
        StringBuilder sb = new StringBuilder(path).append('?');
        append(sb, "actor", actor);
        append(sb, "type", type);
        append(sb, "card", card);
        append(sb, "action", action);
        append(sb, "field", field);
        append(sb, "from", from);
        append(sb, "to", to);
        append(sb, "cursor", cursor);
        return sb.substring(0, sb.length() - 1);
    }

    private static void append(StringBuilder sb, String name, String value) {
        if (present(value)) {
            sb.append(name).append('=').append(URLEncoder.encode(value.strip(), StandardCharsets.UTF_8)).append('&');
        }
    }

    private static Optional<String> opt(String s) {
        return present(s) ? Optional.of(s.strip()) : Optional.empty();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
