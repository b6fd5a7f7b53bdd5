package io.sphere.web.i18n;

import java.util.Locale;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The cards bundle in a page's language. */
public final class CardMessages {

    private CardMessages() {
    }

    public static CardMsg of(Locale locale) {
        return "ru".equals(locale.getLanguage())
                ? MessageBundles.get(CardMsg.class, Localized.Literal.of("ru"))
                : MessageBundles.get(CardMsg.class);
    }
}
