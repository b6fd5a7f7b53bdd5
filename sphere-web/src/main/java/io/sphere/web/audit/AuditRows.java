package io.sphere.web.audit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.sphere.core.audit.AuditAction;
import io.sphere.core.audit.AuditChange;
import io.sphere.core.audit.AuditQuery;
import io.sphere.core.security.SessionPrincipal;
import io.sphere.web.i18n.AuditMsg;

/** Turns audit entries into what the pages show: texts in the reader's language, times in their zone. */
public final class AuditRows {

    static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter SHOWN_SHORT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** One changed field as shown: label, old and new value. */
    public record ChangeRow(String field, String label, String from, String to) {
    }

    /** One entry of a timeline or of the search results. */
    public record Row(String eventId, String time, String isoTime, String actor, String action, String actionCode,
            String cardKey, String requestId, Long version, List<ChangeRow> changes, String comment,
            String detail) {
    }

    private AuditRows() {
    }

    static Row row(AuditQuery.Entry e, ZoneId zone, AuditMsg aud) {
        List<ChangeRow> changes = new ArrayList<>();
        for (AuditQuery.Change c : e.changes()) {
            changes.add(new ChangeRow(c.field(), label(c, aud), value(c.kind(), c.fromText(), zone, aud),
                    value(c.kind(), c.toText(), zone, aud)));
        }
        String actor = e.actorName().map(n -> n + " (" + e.actorEmail() + ")")
                .orElse(e.actorEmail() == null ? aud.hist_unknown_actor() : e.actorEmail());
        String comment = AuditAction.CARD_COMMENTED.name().equals(e.action()) ? e.detail().get("text") : null;
        List<String> detail = new ArrayList<>();
        e.detail().forEach((k, v) -> {
            if (comment == null || !k.equals("text")) {
                detail.add(k + "=" + v);
            }
        });
        detail.sort(null);
        return new Row(e.eventId().toString(), SHOWN.format(e.occurredAt().atZone(zone)),
                e.occurredAt().toString(), actor, action(e.action(), aud), e.action(), e.cardKey(),
                e.requestId() == null ? null : e.requestId().toString(), e.cardVersion(), changes, comment,
                String.join(", ", detail));
    }

    static String action(String code, AuditMsg aud) {
        AuditAction a;
        try {
            a = AuditAction.valueOf(code);
        } catch (IllegalArgumentException e) {
            return code;
        }
        return switch (a) {
            case CARD_CREATED -> aud.act_card_created();
            case CARD_UPDATED -> aud.act_card_updated();
            case CARD_TRANSITIONED -> aud.act_card_transitioned();
            case CARD_ASSIGNED -> aud.act_card_assigned();
            case CARD_WATCHED -> aud.act_card_watched();
            case CARD_UNWATCHED -> aud.act_card_unwatched();
            case CARD_COMMENTED -> aud.act_card_commented();
            case CARD_DELETED -> aud.act_card_deleted();
            case ATTACHMENT_ADDED -> aud.act_attachment_added();
            case ATTACHMENT_REMOVED -> aud.act_attachment_removed();
            case TASK_CREATED -> aud.act_task_created();
            case TASK_UPDATED -> aud.act_task_updated();
            case LOGIN -> aud.act_login();
            case LOGIN_FAILED -> aud.act_login_failed();
            case LOGOUT -> aud.act_logout();
            case PASSWORD_CHANGED -> aud.act_password_changed();
            case PERMISSION_CHANGED -> aud.act_permission_changed();
            case API_TOKEN_CREATED -> aud.act_api_token_created();
            case API_TOKEN_REVOKED -> aud.act_api_token_revoked();
        };
    }

    static String label(AuditQuery.Change c, AuditMsg aud) {
        return switch (c.field()) {
            case AuditChange.TITLE -> aud.f_title();
            case AuditChange.STAGE -> aud.f_stage();
            case AuditChange.ASSIGNEE -> aud.f_assignee();
            case AuditChange.PRIORITY -> aud.f_priority();
            case AuditChange.DUE_AT -> aud.f_due();
            case AuditChange.CANDIDATE_GROUP -> aud.f_group();
            default -> c.label();
        };
    }

    /** A stored value rendered by its kind: instants in the reader's zone, priorities and booleans in words. */
    static String value(String kind, String text, ZoneId zone, AuditMsg aud) {
        if (text == null || text.isEmpty()) {
            return aud.hist_empty_value();
        }
        return switch (kind) {
            case "DATE_TIME" -> {
                try {
                    yield SHOWN_SHORT.format(Instant.parse(text).atZone(zone));
                } catch (DateTimeParseException e) {
                    yield text;
                }
            }
            case "PRIORITY" -> priority(text, aud);
            case "BOOLEAN" -> "true".equals(text) ? aud.yes() : "false".equals(text) ? aud.no() : text;
            default -> text;
        };
    }

    static String priority(String p, AuditMsg aud) {
        return switch (p == null ? "" : p) {
            case "LOW" -> aud.prio_low();
            case "NORMAL" -> aud.prio_normal();
            case "HIGH" -> aud.prio_high();
            case "URGENT" -> aud.prio_urgent();
            default -> p;
        };
    }

    static ZoneId zoneOf(SessionPrincipal p) {
        try {
            return ZoneId.of(p.timeZone());
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    /** A moment typed into a datetime-local field (in the reader's zone), or an ISO instant. */
    static Optional<Instant> parse(String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        try {
            return Optional.of(LocalDateTime.parse(v, INPUT).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(v).atZone(zone).toInstant());
            } catch (DateTimeParseException again) {
                try {
                    return Optional.of(Instant.parse(v.toUpperCase(Locale.ROOT)));
                } catch (DateTimeParseException third) {
                    return Optional.empty();
                }
            }
        }
    }
}
