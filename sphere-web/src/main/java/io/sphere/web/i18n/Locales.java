package io.sphere.web.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.sphere.core.security.SessionPrincipal;

/** Chooses the language of a page: the person's setting, else the language cookie, else Accept-Language. */
public final class Locales {

    public static final String COOKIE = "sphere_lang";
    public static final List<String> SUPPORTED = List.of("en", "ru");
    private static final Locale DEFAULT = Locale.ENGLISH;

    private Locales() {
    }

    public static Locale resolve(Optional<SessionPrincipal> user, String cookie, String acceptLanguage) {
        Optional<String> chosen = user.flatMap(SessionPrincipal::locale).filter(SUPPORTED::contains);
        if (chosen.isPresent()) {
            return Locale.forLanguageTag(chosen.get());
        }
        if (cookie != null && SUPPORTED.contains(cookie)) {
            return Locale.forLanguageTag(cookie);
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
                String match = Locale.lookupTag(ranges, SUPPORTED);
                if (match != null) {
                    return Locale.forLanguageTag(match);
                }
            } catch (IllegalArgumentException ignored) {
                // a malformed header is the browser's problem, not the person's: fall back to English
            }
        }
        return DEFAULT;
    }

    public static Msg messages(Locale locale) {
        return "ru".equals(locale.getLanguage())
                ? MessageBundles.get(Msg.class, Localized.Literal.of("ru"))
                : MessageBundles.get(Msg.class);
    }
}
