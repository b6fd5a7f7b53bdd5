package io.sphere.web.admin;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Instants on administration pages: UTC, to the minute, the same for everyone who compares notes. */
final class Dates {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Dates() {
    }

    static String shown(Instant instant) {
        return instant == null ? "" : SHOWN.format(instant);
    }
}
