package io.sphere.web.task;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import io.sphere.core.security.SessionPrincipal;

/** Moments shown and read in the person's time zone; stored in UTC. */
public final class Moments {

    private static final DateTimeFormatter SHOW = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private Moments() {
    }

    public static ZoneId zone(SessionPrincipal p) {
        try {
            return ZoneId.of(p.timeZone());
        } catch (DateTimeException | NullPointerException e) {
            return ZoneId.of("UTC");
        }
    }

    public static String show(Instant at, ZoneId zone) {
        return at == null ? "" : SHOW.format(at.atZone(zone));
    }

    public static String show(Optional<Instant> at, ZoneId zone) {
        return at.map(a -> show(a, zone)).orElse("");
    }

    /** The value of a datetime-local field. */
    public static String input(Optional<Instant> at, ZoneId zone) {
        return at.map(a -> INPUT.format(a.atZone(zone))).orElse("");
    }

    /** A datetime-local value (or {@code 2026-12-31 17:00}) in the zone; empty is no moment, garbage is empty. */
    public static Optional<Optional<Instant>> parse(String raw, ZoneId zone) {
        if (raw == null || raw.isBlank()) {
            return Optional.of(Optional.empty());
        }
        try {
            return Optional.of(Optional.of(LocalDateTime.parse(raw.strip().replace(' ', 'T')).atZone(zone)
                    .toInstant()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
