package io.sphere.web.error;

import java.util.Locale;

import io.sphere.core.error.ErrorMessages;
import io.sphere.core.error.SphereException;

/** Core's refusal codes in the person's language; the texts live in core, shared with the API and the CLI. */
public final class Messages {

    private Messages() {
    }

    public static String of(Locale locale, SphereException e) {
        return ErrorMessages.of(e, locale);
    }
}
