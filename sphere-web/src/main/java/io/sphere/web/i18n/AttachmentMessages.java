package io.sphere.web.i18n;

import java.util.Locale;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The {@link AttachmentMsg} bundle in a page's language, for Java code. */
public final class AttachmentMessages {

    private AttachmentMessages() {
    }

    public static AttachmentMsg of(Locale locale) {
        return "ru".equals(locale.getLanguage())
                ? MessageBundles.get(AttachmentMsg.class, Localized.Literal.of("ru"))
                : MessageBundles.get(AttachmentMsg.class);
    }
}
