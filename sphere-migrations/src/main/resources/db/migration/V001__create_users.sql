-- People who log in. E-mail is the login and is stored lower-cased; roles is derived so that
-- quarkus-security-jpa and SQL agree on who is a superuser without a second source of truth.
CREATE TABLE app_user (
    id              bigserial    PRIMARY KEY,
    email           text         NOT NULL,
    display_name    text         NOT NULL,
    password_hash   text         NOT NULL,
    active          boolean      NOT NULL DEFAULT true,
    superuser       boolean      NOT NULL DEFAULT false,
    roles           text         GENERATED ALWAYS AS (CASE WHEN superuser THEN 'user,superuser' ELSE 'user' END) STORED,
    locale          text,
    time_zone       text         NOT NULL DEFAULT 'UTC',
    last_login_at   timestamptz,
    failed_logins   integer      NOT NULL DEFAULT 0,
    locked_until    timestamptz,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    version         bigint       NOT NULL DEFAULT 0,
    CONSTRAINT app_user_email_lower CHECK (email = lower(email)),
    CONSTRAINT app_user_email_length CHECK (char_length(email) BETWEEN 3 AND 254),
    CONSTRAINT app_user_display_name_length CHECK (char_length(display_name) BETWEEN 1 AND 200),
    CONSTRAINT app_user_locale CHECK (locale IS NULL OR locale IN ('en', 'ru'))
);

CREATE UNIQUE INDEX app_user_email_key ON app_user (email);
