package io.sphere.core.security;

import java.util.Optional;

/** Who is behind a live session, as read on every request; the web turns this into its security identity. */
public record SessionPrincipal(long userId, String email, String displayName, boolean superuser,
        Optional<String> locale, String timeZone) {
}
