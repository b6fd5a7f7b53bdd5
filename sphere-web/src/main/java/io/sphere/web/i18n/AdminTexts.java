package io.sphere.web.i18n;

import java.util.Locale;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The administration bundle in a page's language, for Java code; templates use {@code {adm:key}}. */
public final class AdminTexts {

    private AdminTexts() {
    }

    public static AdminMsg of(Locale locale) {
        return "ru".equals(locale.getLanguage())
                ? MessageBundles.get(AdminMsg.class, Localized.Literal.of("ru"))
                : MessageBundles.get(AdminMsg.class);
    }

}
