package io.sphere.web.error;

import io.sphere.core.error.SphereException;
import io.sphere.web.i18n.Msg;

/** Core's refusal codes in the person's language. */
public final class Messages {

    private Messages() {
    }

    public static String of(Msg msg, SphereException e) {
        return switch (e.code()) {
            case EMAIL_INVALID -> msg.err_email_invalid();
            case USER_EXISTS -> msg.err_user_exists();
            case USER_NOT_FOUND -> msg.err_user_not_found();
            case PASSWORD_TOO_SHORT -> msg.err_password_too_short(e.args().get("min"));
            case PASSWORD_TOO_LONG -> msg.err_password_too_long(e.args().get("max"));
            case PASSWORD_COMMON -> msg.err_password_common();
            case PASSWORD_CONTAINS_EMAIL -> msg.err_password_contains_email();
            case LOCALE_UNSUPPORTED -> msg.err_locale_unsupported();
            case ACCESS_DENIED -> msg.err_access_denied();
            case FILTER_INVALID -> msg.err_filter_invalid();
        };
    }
}
