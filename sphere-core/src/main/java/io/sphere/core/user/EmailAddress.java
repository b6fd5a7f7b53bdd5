package io.sphere.core.user;

import java.util.Locale;
import java.util.regex.Pattern;

/** The e-mail rules Sphere applies to logins: one address, a dotted domain, at most 254 characters. */
public final class EmailAddress {

    private static final Pattern SHAPE = Pattern
            .compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    private EmailAddress() {
    }

    public static String normalize(String raw) {
        return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    }

    public static boolean isValid(String raw) {
        String email = normalize(raw);
        return email.length() >= 3 && email.length() <= 254 && SHAPE.matcher(email).matches()
                && !email.contains("..");
    }
}
