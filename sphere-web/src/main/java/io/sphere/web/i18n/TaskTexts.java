package io.sphere.web.i18n;

import java.util.Locale;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** {@link TaskMsg} in a page's language, for Java code. */
public final class TaskTexts {

    private TaskTexts() {
    }

    public static TaskMsg of(Locale locale) {
        return "ru".equals(locale.getLanguage())
                ? MessageBundles.get(TaskMsg.class, Localized.Literal.of("ru"))
                : MessageBundles.get(TaskMsg.class);
    }

}
