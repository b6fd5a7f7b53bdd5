package io.sphere.core.reminder;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/** The quick choices of the reminder form; "9:00" is in the person's own time zone. */
public enum ReminderPreset {
    IN_1_HOUR,
    TOMORROW_9,
    NEXT_MONDAY_9;

    private static final LocalTime NINE = LocalTime.of(9, 0);

    public Instant at(Instant now, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        return switch (this) {
            case IN_1_HOUR -> now.plusSeconds(3600);
            case TOMORROW_9 -> today.plusDays(1).atTime(NINE).atZone(zone).toInstant();
            case NEXT_MONDAY_9 -> today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atTime(NINE).atZone(zone)
                    .toInstant();
        };
    }

    public String param() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<ReminderPreset> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        for (ReminderPreset p : values()) {
            if (p.param().equals(s.strip()) || p.name().equals(s.strip())) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
