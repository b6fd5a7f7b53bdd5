package io.sphere.web.security;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where to send a person after a form: only a path on this site that is a valid address, so that a crafted link
 * cannot bounce a person to another site, and a mangled one cannot turn a redirect into an error page.
 */
public final class SafeRedirect {

    private SafeRedirect() {
    }

    static String target(String next) {
        String kept = keep(next);
        return kept == null ? "/" : kept;
    }

    /** {@code next} when it is a safe path on this site, else null. */
    public static String keep(String next) {
        if (next == null || next.isBlank() || next.length() > 2000 || !next.startsWith("/") || next.startsWith("//")
                || next.startsWith("/\\") || next.startsWith("/login") || next.chars().anyMatch(c -> c < 0x20)) {
            return null;
        }
        try {
            URI uri = new URI(next);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? next : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** {@code next} when it is a safe path under {@code prefix}, else {@code fallback}. */
    public static String within(String next, String prefix, String fallback) {
        String kept = keep(next);
        return kept != null && kept.startsWith(prefix) ? kept : fallback;
    }
}
