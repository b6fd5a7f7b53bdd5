package io.sphere.web.i18n;

import java.util.Locale;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The audit pages' texts in a page language, for Java code (templates use {@code {aud:key}}). */
public final class AuditTexts {

    private AuditTexts() {
    }

    public static AuditMsg of(Locale locale) {
        return "ru".equals(locale.getLanguage())
                ? MessageBundles.get(AuditMsg.class, Localized.Literal.of("ru"))
                : MessageBundles.get(AuditMsg.class);
    }
}
