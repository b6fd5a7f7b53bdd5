package io.sphere.web.i18n;

import java.util.Locale;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The cards bundle in a page's language. */
public final class CardMessages {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private CardMessages() {
    }

    public static CardMsg of(Locale locale) {
        return "ru".equals(locale.getLanguage())
                ? MessageBundles.get(CardMsg.class, Localized.Literal.of("ru"))
                : MessageBundles.get(CardMsg.class);
    }

    /**
     * For the shared section switches in {@code Pages}, which receive the shared bundle rather than a locale: the
     * bundle in Russian is recognised by one of its texts.
     */
    public static CardMsg of(Msg msg) {
        return of(msg.logout().equals(Locales.messages(RUSSIAN).logout()) ? RUSSIAN : Locale.ENGLISH);
    }
}
