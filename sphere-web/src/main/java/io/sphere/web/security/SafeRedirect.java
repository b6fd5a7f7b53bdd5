package io.sphere.web.security;

/**
 * Where to send a person after login or a language switch: only a path on this site, so that a crafted link cannot
 * bounce a freshly logged-in user to another site.
 */
final class SafeRedirect {

    private SafeRedirect() {
    }

    static String target(String next) {
        String kept = keep(next);
        return kept == null ? "/" : kept;
    }

    static String keep(String next) {
        if (next == null || next.isBlank() || next.length() > 2000 || !next.startsWith("/") || next.startsWith("//")
                || next.startsWith("/\\") || next.startsWith("/login") || next.chars().anyMatch(c -> c < 0x20)) {
            return null;
        }
        return next;
    }
}
