package io.sphere.core.error;

/** Every refusal core can give, with the HTTP status that best describes it. */
public enum ErrorCode {
    EMAIL_INVALID("email.invalid", 422),
    USER_EXISTS("user.exists", 409),
    USER_NOT_FOUND("user.not-found",
            404),
    PASSWORD_TOO_SHORT("password.too-short", 422),
    PASSWORD_TOO_LONG("password.too-long",
            422),
    PASSWORD_COMMON("password.common", 422),
    PASSWORD_CONTAINS_EMAIL("password.contains-email",
            422),
    LOCALE_UNSUPPORTED("locale.unsupported",
            422),
    ACCESS_DENIED("access.denied", 403),
    FILTER_INVALID("filter.invalid", 400),

    DISPLAY_NAME_INVALID("user.display-name-invalid", 422),
    USER_SELF_DEACTIVATION("user.self-deactivation", 422),

    GROUP_NOT_FOUND("group.not-found", 404),
    GROUP_EXISTS("group.exists", 409),
    GROUP_NAME_INVALID("group.name-invalid",
            422),

    CARD_TYPE_NOT_FOUND("card-type.not-found", 404),
    CARD_TYPE_EXISTS("card-type.exists", 409),
    CARD_TYPE_KEY_INVALID(
            "card-type.key-invalid", 422),
    CARD_TYPE_NAME_INVALID("card-type.name-invalid",
            422),
    CARD_TYPE_VERSION_CONFLICT("card-type.version-conflict", 409),

    DEFINITION_MISSING("definition.missing", 422),
    DEFINITION_KEY_INVALID("definition.key-invalid",
            422),
    DEFINITION_KEY_DUPLICATE("definition.key-duplicate", 422),
    DEFINITION_LABEL_MISSING(
            "definition.label-missing",
            422),
    DEFINITION_TOO_LONG("definition.too-long", 422),
    FIELD_KIND_MISSING(
            "definition.field-kind-missing",
            422),
    FIELD_KIND_CHANGED("definition.field-kind-changed", 422),
    FIELD_OPTIONS_MISSING(
            "definition.field-options-missing",
            422),
    FIELD_OPTIONS_NOT_ALLOWED("definition.field-options-not-allowed",
            422),
    FIELD_REGEX_INVALID("definition.field-regex-invalid",
            422),
    FIELD_RANGE_INVALID("definition.field-range-invalid",
            422),
    FIELD_DEFAULT_INVALID(
            "definition.field-default-invalid",
            422),
    STAGE_NO_INITIAL(
            "definition.stage-no-initial",
            422),
    STAGE_MANY_INITIAL(
            "definition.stage-many-initial",
            422),
    STAGE_NO_FINAL(
            "definition.stage-no-final",
            422),
    STAGE_UNREACHABLE(
            "definition.stage-unreachable",
            422),
    STAGE_SLA_INVALID(
            "definition.stage-sla-invalid",
            422),
    STAGE_IN_USE(
            "definition.stage-in-use",
            409),
    TRANSITION_STAGE_UNKNOWN(
            "definition.transition-stage-unknown",
            422),
    TRANSITION_FIELD_UNKNOWN(
            "definition.transition-field-unknown",
            422),
    TRANSITION_GROUP_UNKNOWN(
            "definition.transition-group-unknown",
            422),

    IMPORT_SYNTAX("import.syntax", 400),
    IMPORT_FORMAT_VERSION("import.format-version",
            422),
    IMPORT_INVALID("import.invalid", 422),
    IMPORT_GROUP_UNKNOWN("import.group-unknown", 422),

    VALIDATION_FAILED("card.validation-failed", 422),
    CARD_NOT_FOUND("card.not-found", 404),
    CARD_VERSION_CONFLICT(
            "card.version-conflict",
            409),
    TITLE_REQUIRED("card.title-required", 422),
    TITLE_TOO_LONG("card.title-too-long", 422),
    FIELD_UNKNOWN(
            "field.unknown", 422),
    FIELD_REQUIRED("field.required", 422),
    FIELD_TOO_SHORT("field.too-short",
            422),
    FIELD_TOO_LONG("field.too-long", 422),
    FIELD_PATTERN_MISMATCH(
            "field.pattern-mismatch",
            422),
    FIELD_NOT_NUMBER("field.not-number", 422),
    FIELD_NOT_MONEY("field.not-money",
            422),
    FIELD_BELOW_MIN("field.below-min", 422),
    FIELD_ABOVE_MAX(
            "field.above-max",
            422),
    FIELD_NOT_DATE("field.not-date", 422),
    FIELD_NOT_DATE_TIME(
            "field.not-date-time",
            422),
    FIELD_NOT_BOOLEAN("field.not-boolean",
            422),
    FIELD_OPTION_UNKNOWN("field.option-unknown",
            422),
    FIELD_NOT_EMAIL("field.not-email",
            422),
    FIELD_NOT_URL("field.not-url",
            422),
    FIELD_USER_UNKNOWN(
            "field.user-unknown",
            422),
    ASSIGNEE_UNKNOWN(
            "card.assignee-unknown",
            422),
    ASSIGNEE_CANNOT_VIEW(
            "card.assignee-cannot-view",
            422),
    CANDIDATE_GROUP_UNKNOWN(
            "card.candidate-group-unknown",
            422),
    CANDIDATE_GROUP_NOT_MEMBER(
            "card.candidate-group-not-member",
            422),
    TRANSITION_UNKNOWN(
            "card.transition-unknown",
            422),
    TRANSITION_WRONG_STAGE(
            "card.transition-wrong-stage",
            409),
    TRANSITION_GROUP_DENIED(
            "card.transition-group-denied",
            403),
    TRANSITION_FIELDS_REQUIRED(
            "card.transition-fields-required",
            422),
    COMMENT_EMPTY(
            "comment.empty",
            422),
    COMMENT_TOO_LONG(
            "comment.too-long",
            422),

    TASK_NOT_FOUND("task.not-found", 404),
    TASK_DESCRIPTION_TOO_LONG("task.description-too-long", 422),
    TASK_NOT_OPEN("task.not-open", 409),
    TASK_NOT_CLOSED("task.not-closed", 409),
    TASK_ALREADY_CLAIMED("task.already-claimed", 409),
    TASK_NOT_IN_GROUP("task.not-in-group", 403),
    TASK_REASON_REQUIRED("task.reason-required", 422),
    TASK_REASON_TOO_LONG("task.reason-too-long", 422),
    TASK_DUE_INVALID("task.due-invalid", 422),
    REMINDER_NOT_FOUND("reminder.not-found", 404),
    REMINDER_MOMENT_REQUIRED("reminder.moment-required", 422),
    REMINDER_MOMENT_INVALID("reminder.moment-invalid", 422),
    REMINDER_MOMENT_PAST("reminder.moment-past", 422),
    REMINDER_NOTE_TOO_LONG("reminder.note-too-long", 422),
    REMINDER_SUBJECT_REQUIRED("reminder.subject-required", 422),
    REMINDER_NOT_PENDING("reminder.not-pending", 409),
    NOTIFICATION_NOT_FOUND("notification.not-found", 404),
    TIME_ZONE_UNKNOWN("user.time-zone-unknown", 422),
    ATTACHMENT_NOT_FOUND("attachment.not-found", 404),
    ATTACHMENT_TOO_LARGE("attachment.too-large", 413),
    ATTACHMENT_MISSING("attachment.missing", 422),
    ATTACHMENT_PURGED("attachment.purged", 410),

    API_TOKEN_NOT_FOUND("api-token.not-found", 404),
    API_TOKEN_NAME_INVALID("api-token.name-invalid", 422);

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
