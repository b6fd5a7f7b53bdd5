package io.sphere.core.requestlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;
import io.sphere.core.section.Section;
import io.sphere.core.section.SectionService;
import io.sphere.core.security.Actor;
import io.sphere.core.user.EmailAddress;

/**
 * Reads the request log newest first with keyset pagination on (logged_at, id), so page 1,000 costs what page 1
 * costs however many millions of rows there are.
 */
@ApplicationScoped
public class RequestLogQuery {

    public static final int MAX_PAGE = 200;

    private final DataSource dataSource;
    private final SectionService sections;

    RequestLogQuery(DataSource dataSource, SectionService sections) {
        this.dataSource = dataSource;
        this.sections = sections;
    }

    public RequestLogPage search(Actor actor, RequestLogFilter filter, Optional<String> cursor, int pageSize) {
        sections.requireOpen(actor, Section.REQUEST_LOG);
        int limit = Math.max(1, Math.min(pageSize, MAX_PAGE));
        StringBuilder sql = new StringBuilder("""
                SELECT id, request_id, logged_at, user_id, user_email, client_ip, method, path, query, status,
                       duration_micros, response_bytes, user_agent
                  FROM request_log WHERE true""");
        List<Object> params = new ArrayList<>();
        filter.userEmail().filter(s -> !s.isBlank()).ifPresent(email -> {
            sql.append(" AND user_id = (SELECT id FROM app_user WHERE email = ?)");
            params.add(EmailAddress.normalize(email));
        });
        filter.pathPrefix().filter(s -> !s.isBlank()).ifPresent(p -> {
            sql.append(" AND path LIKE ? ESCAPE '\\'");
            params.add(p.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        });
        filter.statusClass().ifPresent(c -> {
            if (c < 1 || c > 5) {
                throw new SphereException(ErrorCode.FILTER_INVALID, "status", Map.of("value", c));
            }
            sql.append(" AND status >= ? AND status < ?");
            params.add(c * 100);
            params.add(c * 100 + 100);
        });
        filter.requestId().ifPresent(id -> {
            sql.append(" AND request_id = ?");
            params.add(id);
        });
        filter.from().ifPresent(f -> {
            sql.append(" AND logged_at >= ?");
            params.add(Timestamp.from(f));
        });
        filter.to().ifPresent(t -> {
            sql.append(" AND logged_at < ?");
            params.add(Timestamp.from(t));
        });
        if (cursor.isPresent() && !cursor.get().isBlank()) {
            Cursor c = Cursor.parse(cursor.get());
            sql.append(" AND (logged_at, id) < (?, ?)");
            params.add(Timestamp.from(c.loggedAt()));
            params.add(c.id());
        }
        sql.append(" ORDER BY logged_at DESC, id DESC LIMIT ?");
        params.add(limit + 1);

        List<RequestLogEntry> entries = new ArrayList<>();
        Cursor last = null;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                boolean more = false;
                while (rs.next()) {
                    if (entries.size() == limit) {
                        more = true;
                        break;
                    }
                    Instant at = rs.getTimestamp("logged_at").toInstant();
                    long userId = rs.getLong("user_id");
                    entries.add(new RequestLogEntry(RequestLogEntry.SCHEMA, rs.getObject("request_id", UUID.class),
                            at, rs.wasNull() ? null : userId, rs.getString("user_email"), rs.getString("client_ip"),
                            rs.getString("method"), rs.getString("path"), rs.getString("query"), rs.getInt("status"),
                            rs.getLong("duration_micros"), rs.getLong("response_bytes"), rs.getString("user_agent")));
                    last = new Cursor(at, rs.getLong("id"));
                }
                return new RequestLogPage(entries, more ? Optional.of(last.format()) : Optional.empty());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the request log", e);
        }
    }

    record Cursor(Instant loggedAt, long id) {

        static Cursor parse(String raw) {
            String[] parts = raw.split("~", 2);
            try {
                long micros = Long.parseLong(parts[0]);
                Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                        Math.floorMod(micros, 1_000_000L) * 1000L);
                return new Cursor(at, Long.parseLong(parts[1]));
            } catch (RuntimeException e) {
                throw new SphereException(ErrorCode.FILTER_INVALID, "cursor", Map.of("value", raw));
            }
        }

        String format() {
            long micros = loggedAt.getEpochSecond() * 1_000_000L + loggedAt.getNano() / 1000;
            return micros + "~" + id;
        }
    }
}
