package io.sphere.web.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.sphere.core.attachment.AttachmentService;
import io.sphere.core.audit.AuditQuery;
import io.sphere.core.card.FieldValueView;
import io.sphere.core.section.Section;
import io.sphere.core.section.SectionService;
import io.sphere.core.security.Actor;
import io.sphere.core.security.SessionPrincipal;
import io.sphere.web.attachment.AttachmentRow;
import io.sphere.web.i18n.AuditMsg;
import io.sphere.web.i18n.AuditTexts;
import io.sphere.web.layout.Chrome;
import io.sphere.web.layout.Pages;
import io.sphere.web.security.CurrentUser;

/**
 * A card's history: its timeline, newest first, and the card as it was at a chosen moment, replayed from the audit
 * trail. Core decides who may see it: a card the reader may not view is 404 here as everywhere.
 */
@Path("/cards/{key}/history")
public class CardHistoryPage {

    static final int PAGE_SIZE = 50;

    /** One line of the card as it was: label and value as shown. */
    public record Line(String id, String label, String value) {
    }

    /** {@code files}: the card's own attachments at that moment, removed ones since included (and so marked). */
    public record AsOfView(String title, boolean existed, boolean deleted, List<Line> lines, String lastChange,
            List<AttachmentRow> files) {
    }

    public record View(String key, String title, String zone, String at, boolean atError, AsOfView asOf,
            List<AuditRows.Row> rows, String nextHref, String firstHref, boolean requestLinks) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance history(Chrome chrome, View view);
    }

    private final AuditQuery query;
    private final CurrentUser currentUser;
    private final SectionService sections;
    private final Pages pages;
    private final AttachmentService attachments;

    CardHistoryPage(AuditQuery query, CurrentUser currentUser, SectionService sections, Pages pages,
            AttachmentService attachments) {
        this.attachments = attachments;
        this.query = query;
        this.currentUser = currentUser;
        this.sections = sections;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@RestPath String key, @RestQuery String at, @RestQuery String cursor) {
        SessionPrincipal me = currentUser.require();
        Actor actor = Actor.of(me);
        ZoneId zone = AuditRows.zoneOf(me);
        AuditMsg aud = AuditTexts.of(pages.locale());
        AuditQuery.Page page = query.history(actor, key, Optional.ofNullable(cursor), PAGE_SIZE);
        String cardKey = key.strip();
        AsOfView asOf = null;
        boolean atError = false;
        Optional<Instant> moment = AuditRows.parse(at, zone);
        if (at != null && !at.isBlank() && moment.isEmpty()) {
            atError = true;
        } else if (moment.isPresent()) {
            List<AttachmentRow> files = attachments.asOf(actor, cardKey, moment.get()).stream()
                    .map(a -> AttachmentRow.ofHistory(a, pages.locale())).toList();
            asOf = asOf(query.asOf(actor, cardKey, moment.get()), zone, aud, files);
        }
        List<AuditRows.Row> rows = page.entries().stream().map(e -> AuditRows.row(e, zone, aud)).toList();
        String base = "/cards/" + URLEncoder.encode(cardKey, StandardCharsets.UTF_8) + "/history";
        String nextHref = page.nextCursor().map(c -> base + "?cursor=" + URLEncoder.encode(c,
                StandardCharsets.UTF_8)).orElse(null);
        String firstHref = cursor == null || cursor.isBlank() ? null : base;
        String title = aud.hist_title(cardKey);
        View view = new View(cardKey, title, zone.getId(), at == null ? "" : at, atError, asOf, rows, nextHref,
                firstHref, sections.mayOpen(actor, Section.REQUEST_LOG));
        return pages.localized(Templates.history(pages.chrome(), view));
    }

    private static AsOfView asOf(AuditQuery.AsOf a, ZoneId zone, AuditMsg aud, List<AttachmentRow> files) {
        String when = AuditRows.SHOWN.format(a.at().atZone(zone));
        List<Line> lines = new ArrayList<>();
        if (a.existed()) {
            lines.add(new Line("asof-title", aud.f_title(), nz(a.title(), aud)));
            lines.add(new Line("asof-stage", aud.f_stage(), nz(a.stageName(), aud)));
            lines.add(new Line("asof-assignee", aud.f_assignee(), nz(a.assignee().orElse(null), aud)));
            lines.add(new Line("asof-priority", aud.f_priority(), nz(AuditRows.priority(a.priority(), aud), aud)));
            lines.add(new Line("asof-due", aud.f_due(), AuditRows.value("DATE_TIME", a.dueAt().map(Instant::toString)
                    .orElse(""), zone, aud)));
            lines.add(new Line("asof-group", aud.f_group(), nz(a.candidateGroup().orElse(null), aud)));
            for (FieldValueView f : a.fields()) {
                String label = f.removed() ? aud.f_removed(f.label()) : f.label();
                lines.add(new Line("asof-field-" + f.key(), label, AuditRows.value(f.kind().name(), f.display(), zone,
                        aud)));
            }
        }
        String last = a.lastChangeAt().map(t -> aud.asof_last_change(AuditRows.SHOWN.format(t.atZone(zone)),
                a.version())).orElse(null);
        return new AsOfView(aud.asof_title(a.current().key(), when), a.existed(), a.deleted(), lines, last, files);
    }

    private static String nz(String s, AuditMsg aud) {
        return s == null || s.isEmpty() ? aud.hist_empty_value() : s;
    }
}
