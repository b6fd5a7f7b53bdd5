-- Personal API tokens. Like sessions, only the keyed hash of a token is stored: the token is shown once.
CREATE TABLE api_token (
    id              bigserial    PRIMARY KEY,
    user_id         bigint       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    name            text         NOT NULL,
    token_hash      bytea        NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    last_used_at    timestamptz,
    revoked_at      timestamptz,
    CONSTRAINT api_token_name_length CHECK (char_length(name) BETWEEN 1 AND 100)
);

CREATE UNIQUE INDEX api_token_hash_key ON api_token (token_hash);
CREATE INDEX api_token_user_idx ON api_token (user_id, created_at DESC);
