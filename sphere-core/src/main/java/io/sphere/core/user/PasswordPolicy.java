package io.sphere.core.user;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.sphere.core.error.ErrorCode;
import io.sphere.core.error.SphereException;

/**
 * Minimum 12 characters, not on the list of passwords that leak most often, not built from the e-mail, not one
 * character repeated or a plain run of the keyboard.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    /** bcrypt reads only the first 72 bytes; longer passwords would silently be truncated. */
    public static final int MAX_BYTES = 72;

    private static final Set<String> COMMON = load();
    /** No look-alikes (0/O, 1/l/I), so that a password read aloud or copied from a screen is typed right. */
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordPolicy() {
    }

    /** A random password of 20 characters in groups of five ({@code abcde-fghij-...}), about 116 bits. */
    public static String generate() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    public static void check(String email, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new SphereException(ErrorCode.PASSWORD_TOO_SHORT, "password", Map.of("min", MIN_LENGTH));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new SphereException(ErrorCode.PASSWORD_TOO_LONG, "password", Map.of("max", MAX_BYTES));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || isRepetitive(lower) || isRun(lower)) {
            throw new SphereException(ErrorCode.PASSWORD_COMMON, "password", Map.of());
        }
        String local = EmailAddress.normalize(email).split("@", 2)[0];
        if (local.length() >= 4 && lower.contains(local)) {
            throw new SphereException(ErrorCode.PASSWORD_CONTAINS_EMAIL, "password", Map.of());
        }
    }

    private static boolean isRepetitive(String s) {
        for (int period = 1; period <= 4; period++) {
            boolean repeats = true;
            for (int i = period; i < s.length() && repeats; i++) {
                repeats = s.charAt(i) == s.charAt(i - period);
            }
            if (repeats) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRun(String s) {
        String[] runs = {"0123456789012345678901234567890", "9876543210987654321098765432109",
                "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnmqwertyuiop",
                "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p", "qazwsxedcrfvtgbyhnujmikolp"};
        for (String run : runs) {
            if (run.contains(s)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> load() {
        Set<String> set = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from sphere-core");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip().toLowerCase(Locale.ROOT);
                if (!word.isEmpty() && !word.startsWith("#")) {
                    set.add(word);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(set);
    }
}
