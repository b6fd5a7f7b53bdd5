package io.sphere.core.error;

/** Every refusal core can give, with the HTTP status that best describes it. */
public enum ErrorCode {
    EMAIL_INVALID("email.invalid", 422), USER_EXISTS("user.exists", 409), USER_NOT_FOUND("user.not-found",
            404), PASSWORD_TOO_SHORT("password.too-short", 422), PASSWORD_TOO_LONG("password.too-long",
                    422), PASSWORD_COMMON("password.common", 422), PASSWORD_CONTAINS_EMAIL("password.contains-email",
                            422), LOCALE_UNSUPPORTED("locale.unsupported",
                                    422), ACCESS_DENIED("access.denied", 403), FILTER_INVALID("filter.invalid", 400);

    private final String key;
    private final int httpStatus;

    ErrorCode(String key, int httpStatus) {
        this.key = key;
        this.httpStatus = httpStatus;
    }

    /** Message-bundle key, also the problem type suffix on the API. */
    public String key() {
        return key;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
