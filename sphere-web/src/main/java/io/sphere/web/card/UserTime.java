package io.sphere.web.card;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import io.sphere.core.security.SessionPrincipal;

/** Moments shown and read in the person's time zone; stored in UTC. */
record UserTime(ZoneId zone) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    static UserTime of(SessionPrincipal p) {
        try {
            return new UserTime(ZoneId.of(p.timeZone()));
        } catch (DateTimeException | NullPointerException e) {
            return new UserTime(ZoneId.of("UTC"));
        }
    }

    String show(Instant at) {
        return at == null ? "" : SHOWN.format(at.atZone(zone));
    }

    /** The value of a {@code datetime-local} input. */
    String input(Instant at) {
        return at == null ? "" : INPUT.format(at.atZone(zone).truncatedTo(ChronoUnit.MINUTES));
    }

    /** A {@code datetime-local} value (with or without seconds) in this zone, or an ISO instant. */
    Optional<Instant> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String s = raw.strip();
        try {
            return Optional.of(LocalDateTime.parse(s).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(Instant.parse(s));
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }

    /** The start of a day ({@code yyyy-MM-dd}) in this zone; {@code nextDay} gives the end of an inclusive range. */
    Optional<Instant> day(String raw, boolean nextDay) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            LocalDate d = LocalDate.parse(raw.strip());
            return Optional.of((nextDay ? d.plusDays(1) : d).atStartOfDay(zone).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
